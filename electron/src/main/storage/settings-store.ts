import { readFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, SettingsSchema, salvageSettings, type Settings, type SettingsPatch } from '@meetai/shared';
import { createLogger } from '../logger';
import { isMissingFile, writeFileAtomic } from './atomic-write';

const log = createLogger('settings-store');

/** The settings JSON file in userData. Writes are serialized and atomic. */
export class SettingsStore {
  private cached: Settings | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  /** `defaults` stand in for what the user has not chosen (all of it on a first run). */
  constructor(
    private readonly file: string,
    private readonly defaults: Settings = DEFAULT_SETTINGS,
  ) {}

  async read(): Promise<Settings> {
    if (this.cached) return this.cached;
    this.cached = await this.load();
    return this.cached;
  }

  /** Applies a validated patch on top of the current settings and persists the result. */
  update(patch: SettingsPatch): Promise<Settings> {
    const next = this.writes.then(async () => {
      const merged = SettingsSchema.parse({ ...(await this.read()), ...patch });
      await writeFileAtomic(this.file, `${JSON.stringify(merged, null, 2)}\n`);
      this.cached = merged;
      return merged;
    });
    // A failed write must not wedge the queue for the next one.
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return this.defaults;
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      log.warn(`read() | ${this.file} is not JSON; using defaults`);
      return this.defaults;
    }
    const parsed = SettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    log.warn(`read() | ${this.file} has invalid fields; keeping the valid ones`);
    return salvageSettings(raw, this.defaults);
  }
}
