import { describe, expect, it } from 'vitest';
import { describeSchemas } from './testing/schema-cases';
import * as settings from './settings';

describeSchemas('settings', settings, {
  LanguageSettingSchema: { valid: ['auto', 'en', 'zh-CN'], invalid: ['zh', 'fr', ''] },
  ThemeSettingSchema: { valid: ['system', 'light', 'dark'], invalid: ['blue'] },
  CaptionsSizeSchema: { valid: ['small', 'medium', 'large'], invalid: ['huge', ''] },
  ServerUrlSchema: {
    valid: ['http://localhost:8800', 'https://meet.example.com/', 'http://192.168.1.20:8800'],
    invalid: ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com', 'localhost:8800', ''],
  },
  SettingsSchema: {
    valid: [
      {},
      {
        server_url: 'https://meet.example.com',
        language: 'zh-CN',
        theme: 'dark',
        camera_id: 'abc',
        microphone_id: null,
      },
    ],
    invalid: [
      { language: 'de' },
      { server_url: 'file:///x' },
      { camera_id: 'x'.repeat(513) },
      { captions_visible: 'yes' },
      { captions_size: 'huge' },
    ],
  },
  SettingsPatchSchema: {
    valid: [{}, { language: 'en' }, { camera_id: null }, { captions_visible: false, captions_size: 'large' }],
    invalid: [{ language: 'de' }, { unknown_key: 1 }, { server_url: 'javascript:alert(1)' }],
  },
});

describe('settings defaults', () => {
  it('DEFAULT_SETTINGS points at the local gateway and follows the system', () => {
    expect(settings.DEFAULT_SETTINGS).toEqual({
      server_url: 'http://localhost:8800',
      language: 'auto',
      theme: 'system',
      camera_id: null,
      microphone_id: null,
      speaker_id: null,
      captions_visible: true,
      captions_size: 'medium',
    });
  });

  it('a patch leaves the settings it does not name alone', () => {
    expect(settings.SettingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
  });

  it('server URLs lose their trailing slashes', () => {
    expect(settings.ServerUrlSchema.parse('https://meet.example.com///')).toBe('https://meet.example.com');
  });
});
