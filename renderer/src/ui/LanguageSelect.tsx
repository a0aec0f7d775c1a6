import { LanguageSettingSchema, type LanguageSetting } from '@meetai/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { preferredLanguages, resolveLanguage } from '../i18n';

/** Language choice; 'auto' names the language it currently resolves to. The caller keeps the value. */
export function LanguageSelect({
  value,
  onChange,
  testId = 'language-select',
  compact = false,
}: {
  value: LanguageSetting;
  onChange: (language: LanguageSetting) => void;
  testId?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const systemLanguage = resolveLanguage('auto', preferredLanguages());

  const choose = (raw: string) => {
    const parsed = LanguageSettingSchema.safeParse(raw);
    if (parsed.success) onChange(parsed.data);
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
        value={value}
        onChange={(event) => choose(event.target.value)}
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
