import { ThemeSettingSchema, type ThemeSetting } from '@meetai/shared';
import { useTranslation } from 'react-i18next';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { updateSettings } from '../settings-actions';
import { useSettingsStore } from '../store';

const labelKeys: Record<ThemeSetting, string> = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
};

/** Light, dark or follow the system. */
export function ThemeSelect() {
  const { t } = useTranslation();
  const theme = useSettingsStore((s) => s.settings.theme);
  return (
    <SegmentedControl
      legend={t('settings.theme')}
      name="theme"
      options={ThemeSettingSchema.options.map((value) => ({ value, label: t(labelKeys[value]) }))}
      value={theme}
      onChange={(value) => void updateSettings({ theme: value })}
      testIdPrefix="theme"
      testId="theme-select"
    />
  );
}
