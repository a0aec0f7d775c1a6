import { lazy } from 'react';

export { LanguageSelect } from './components/LanguageSelect';
export { useSettingsStore } from './store';
export { loadSettings, updateSettings } from './settings-actions';
export { applyTheme, resolveTheme } from './theme';

/** Loaded on first visit: not needed to reach sign-in. */
export const SettingsPage = lazy(() => import('./components/SettingsPage').then((m) => ({ default: m.SettingsPage })));
