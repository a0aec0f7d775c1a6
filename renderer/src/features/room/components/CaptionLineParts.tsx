import { useTranslation } from 'react-i18next';
import type { CaptionLine } from '../../../room/caption-lines';
import { confidencePercent, engineName, isForeignLanguage, primaryLanguage } from '../../../lib/caption-labels';

/** Engine, model and confidence of one line, for its tooltip. */
export function useLineDetails(): (line: CaptionLine) => string {
  const { t } = useTranslation('room');
  return (line) =>
    t('captions.lineDetails', {
      engine: engineName(line.engine),
      model: line.model,
      confidence: confidencePercent(line.confidence),
    });
}

/** A small tag naming the line's language, when it is not the one the UI speaks. */
export function LanguageTag({ language }: { language: string }) {
  const { t, i18n } = useTranslation('room');
  if (!isForeignLanguage(language, i18n.language)) return null;
  const code = primaryLanguage(language);
  return (
    <span className="caption-language" lang={i18n.language}>
      {code === 'en' || code === 'zh' ? t(`captions.languages.${code}`) : language}
    </span>
  );
}
