export { ThemeSelect } from './components/ThemeSelect';
export { useSettingsStore } from './store';
export { loadSettings, updateSettings } from './settings-actions';
export { applyTheme, resolveTheme } from './theme';
