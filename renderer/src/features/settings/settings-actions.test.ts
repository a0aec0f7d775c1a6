import { DEFAULT_SERVER_URL } from '@meetai/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings, updateSettings } from './settings-actions';
import { useSettingsStore } from './store';
import { applyTheme, resolveTheme } from './theme';

const initial = useSettingsStore.getState();
afterEach(() => useSettingsStore.setState(initial, true));

describe('settings actions (browser bridge)', () => {
  it('loads the defaults on a first run', async () => {
    await loadSettings();
    expect(useSettingsStore.getState()).toMatchObject({
      isLoaded: true,
      settings: { language: 'auto', theme: 'system' },
    });
  });

  it('saves a change through the bridge so the next start sees it', async () => {
    await updateSettings({ language: 'zh-CN', speaker_id: 'speaker-2' });
    expect(useSettingsStore.getState().settings).toMatchObject({ language: 'zh-CN', speaker_id: 'speaker-2' });
    useSettingsStore.setState(initial, true);
    await loadSettings();
    expect(useSettingsStore.getState().settings).toMatchObject({ language: 'zh-CN', speaker_id: 'speaker-2' });
  });

  it('rejects an invalid server address and keeps the old one', async () => {
    await loadSettings();
    const before = useSettingsStore.getState().settings.server_url;
    await expect(updateSettings({ server_url: 'ftp://files.example.com' })).rejects.toThrow();
    expect(useSettingsStore.getState().settings.server_url).toBe(before);
    expect([DEFAULT_SERVER_URL, window.location.origin]).toContain(before);
  });
});

describe('theme', () => {
  it('resolves system to what the OS prefers, and keeps an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('puts the theme on <html> and follows the OS while set to system', () => {
    const os: { listener: (() => void) | null } = { listener: null };
    let isDark = false;
    vi.stubGlobal('matchMedia', () => ({
      get matches() {
        return isDark;
      },
      addEventListener: (_: string, callback: () => void) => (os.listener = callback),
      removeEventListener: () => (os.listener = null),
    }));
    const stop = applyTheme('system');
    expect(document.documentElement.dataset.theme).toBe('light');
    isDark = true;
    os.listener?.();
    expect(document.documentElement.dataset.theme).toBe('dark');
    stop();
    expect(os.listener).toBeNull();
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    vi.unstubAllGlobals();
  });
});
