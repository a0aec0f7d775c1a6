import { LanguageSettingSchema, type LanguageSetting } from '@meetai/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { preferredLanguages, resolveLanguage } from '../../../i18n';
import { updateSettings } from '../settings-actions';
import { useSettingsStore } from '../store';

/** Language choice, saved through the bridge; 'auto' names the language it currently resolves to. */
export function LanguageSelect({
  testId = 'language-select',
  compact = false,
}: {
  testId?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const language = useSettingsStore((s) => s.settings.language);
  const systemLanguage = resolveLanguage('auto', preferredLanguages());

  const onChange = (value: string) => {
    const parsed = LanguageSettingSchema.safeParse(value);
    if (parsed.success) void updateSettings({ language: parsed.data });
  };

  const options: { value: LanguageSetting; label: string }[] = [
    { value: 'auto', label: t('settings.languageAuto', { language: t(`languages.${systemLanguage}`) }) },
    { value: 'zh-CN', label: t('languages.zh-CN') },
    { value: 'en', label: t('languages.en') },
  ];

  return (
    <div className={compact ? 'language-select language-select--compact' : 'field'}>
      <label className={compact ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {t('settings.language')}
      </label>
      <select
        id={id}
        className="select"
        value={language}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
