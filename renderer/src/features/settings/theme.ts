import type { ThemeSetting } from '@meetai/shared';

export type Theme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';

export function resolveTheme(setting: ThemeSetting, prefersDark: boolean): Theme {
  if (setting === 'system') return prefersDark ? 'dark' : 'light';
  return setting;
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(darkQuery).matches;
}

/**
 * Puts the theme on <html data-theme>, where the design tokens switch. With
 * 'system' it follows the OS as it changes; the returned function stops that.
 */
export function applyTheme(setting: ThemeSetting): () => void {
  const root = document.documentElement;
  const apply = () => {
    root.dataset.theme = resolveTheme(setting, prefersDark());
  };
  apply();
  if (setting !== 'system' || typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(darkQuery);
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
