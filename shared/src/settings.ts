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

/** User preferences the client remembers between runs (not secrets: tokens live in secure storage). */
export const SettingsSchema = z.object({
  server_url: ServerUrlSchema.default(DEFAULT_SERVER_URL),
  language: LanguageSettingSchema.default('auto'),
  theme: ThemeSettingSchema.default('system'),
  camera_id: z.string().max(512).nullable().default(null),
  microphone_id: z.string().max(512).nullable().default(null),
  speaker_id: z.string().max(512).nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
