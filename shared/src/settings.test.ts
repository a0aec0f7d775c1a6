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

describe('salvageSettings', () => {
  it('keeps the valid fields and defaults the broken ones', () => {
    const stored = { language: 'zh-CN', theme: 'purple', camera_id: 'cam-1', captions_size: 42, stale_key: true };
    expect(settings.salvageSettings(stored)).toEqual({
      ...settings.DEFAULT_SETTINGS,
      language: 'zh-CN',
      camera_id: 'cam-1',
    });
  });

  it('fills what is missing or broken from the defaults it is given (the page origin in a browser)', () => {
    const defaults = { ...settings.DEFAULT_SETTINGS, server_url: 'https://meet.example.com' };
    expect(settings.salvageSettings({ server_url: 'file:///etc', theme: 'dark' }, defaults)).toEqual({
      ...defaults,
      theme: 'dark',
    });
  });

  it('gives the defaults for anything that is not an object', () => {
    for (const raw of [null, 'text', 7, ['en']])
      expect(settings.salvageSettings(raw)).toEqual(settings.DEFAULT_SETTINGS);
  });
});
