import { ThemeSettingSchema, type ThemeSetting } from '@meetai/shared';
import { useTranslation } from 'react-i18next';
import { updateSettings } from '../settings-actions';
import { useSettingsStore } from '../store';

const labelKeys: Record<ThemeSetting, string> = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
};

/** Light, dark or follow the system, as a radio group (arrow keys move between choices). */
export function ThemeSelect() {
  const { t } = useTranslation();
  const theme = useSettingsStore((s) => s.settings.theme);
  return (
    <fieldset className="segmented" data-testid="theme-select">
      <legend className="field__label">{t('settings.theme')}</legend>
      <div className="segmented__options">
        {ThemeSettingSchema.options.map((value) => (
          <label key={value} className="segmented__option" data-checked={theme === value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => void updateSettings({ theme: value })}
              data-testid={`theme-${value}`}
            />
            <span>{t(labelKeys[value])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
