import { z } from 'zod';
import {
  HealthTargetNameSchema,
  TargetUrlSchema,
  defaultHealthTargets,
  withTargetUrls,
  type HealthTarget,
  type HealthTargetName,
} from '@meetai/shared';

const STORAGE_KEY = 'meetai.admin';

export const REFRESH_CHOICES_S = [5, 15, 30, 60, 0] as const;

/** What admin mode remembers on this machine: addresses the admin changed, and how often to refresh. */
const PreferencesSchema = z.object({
  /** Only the targets whose address differs from the seed map's default for the current server. */
  urls: z.partialRecord(HealthTargetNameSchema, TargetUrlSchema).catch({}),
  /** Seconds between automatic sweeps; 0 = manual only. */
  refresh_s: z
    .number()
    .int()
    .refine((s) => (REFRESH_CHOICES_S as readonly number[]).includes(s))
    .catch(15),
});
export type AdminPreferences = z.infer<typeof PreferencesSchema>;

const DEFAULTS: AdminPreferences = { urls: {}, refresh_s: 15 };

export function loadPreferences(storage: Storage): AdminPreferences {
  try {
    const parsed = PreferencesSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

export function savePreferences(storage: Storage, preferences: AdminPreferences): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(preferences));
}

/** The targets to probe: the seed map around the server's address, with the admin's own addresses over it. */
export function targetsFor(serverUrl: string, urls: AdminPreferences['urls']): HealthTarget[] {
  return withTargetUrls(defaultHealthTargets(serverUrl), urls);
}

/** Keeps only the addresses that differ from the default, so a changed server address moves the rest along. */
export function changedUrls(
  serverUrl: string,
  edited: Partial<Record<HealthTargetName, string>>,
): AdminPreferences['urls'] {
  const defaults = defaultHealthTargets(serverUrl);
  return Object.fromEntries(
    defaults.flatMap(({ name, url }) => {
      const value = edited[name]?.trim().replace(/\/+$/, '');
      return value !== undefined && value !== url ? [[name, value]] : [];
    }),
  );
}
