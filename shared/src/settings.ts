import { z } from 'zod';
import { DEFAULT_SERVER_URL } from './constants';

export const LanguageSettingSchema = z.enum(['auto', 'en', 'zh-CN']);
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>;

export const ThemeSettingSchema = z.enum(['system', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof ThemeSettingSchema>;

/** Only http(s) origins, so a pasted `javascript:` or `file:` never becomes the API base. */
export const ServerUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2048)
  .transform((url) => url.replace(/\/+$/, ''));

const DeviceIdSchema = z.string().max(512).nullable();

/** How large the live captions over the video are drawn. */
export const CaptionsSizeSchema = z.enum(['small', 'medium', 'large']);
export type CaptionsSize = z.infer<typeof CaptionsSizeSchema>;

/** User preferences the client remembers between runs (not secrets: tokens live in secure storage). */
export const SettingsSchema = z.object({
  server_url: ServerUrlSchema.default(DEFAULT_SERVER_URL),
  language: LanguageSettingSchema.default('auto'),
  theme: ThemeSettingSchema.default('system'),
  camera_id: DeviceIdSchema.default(null),
  microphone_id: DeviceIdSchema.default(null),
  speaker_id: DeviceIdSchema.default(null),
  /** Whether this user sees live captions over the video (the meeting's captions are the host's switch). */
  captions_visible: z.boolean().default(true),
  captions_size: CaptionsSizeSchema.default('medium'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * Built from the fields without their defaults: in zod 4 a default still fills
 * an absent key inside `.partial()`, so a patch naming one setting would reset
 * all the others.
 */
export const SettingsPatchSchema = z
  .object({
    server_url: ServerUrlSchema,
    language: LanguageSettingSchema,
    theme: ThemeSettingSchema,
    camera_id: DeviceIdSchema,
    microphone_id: DeviceIdSchema,
    speaker_id: DeviceIdSchema,
    captions_visible: z.boolean(),
    captions_size: CaptionsSizeSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Stored settings read back: each field that is still valid is kept, the rest
 * come from `defaults`, so one bad value (hand-edited, or written by another
 * version) does not cost the user every other setting. Anything that is not
 * an object gives the defaults. The desktop's settings file and the browser's
 * localStorage both read through this.
 */
export function salvageSettings(raw: unknown, defaults: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaults;
  const record = raw as Record<string, unknown>;
  const kept = Object.entries(SettingsPatchSchema.shape).flatMap(([key, schema]) => {
    const field = schema.safeParse(record[key]);
    return field.success && field.data !== undefined ? [[key, field.data] as const] : [];
  });
  return SettingsSchema.parse({ ...defaults, ...Object.fromEntries(kept) });
}
