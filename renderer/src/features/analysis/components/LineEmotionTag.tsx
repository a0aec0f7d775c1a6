import { useTranslation } from 'react-i18next';
import type { LineEmotion } from '@meetai/shared';
import { EMOTION_EMOJI, percent } from '../emotion-labels';
import { ANALYSIS_NAMESPACE } from '../i18n';

/** A transcript line's estimated emotion, with its method in the tooltip. */
export function LineEmotionTag({ emotion }: { emotion: LineEmotion }) {
  const { t } = useTranslation(ANALYSIS_NAMESPACE);
  const word = t(`emotion.labels.${emotion.emotion}`);
  return (
    <span
      className="analysis-badge analysis-badge--line"
      title={t('emotion.lineTooltip', { method: emotion.method })}
      data-testid="line-emotion"
      data-emotion={emotion.emotion}
    >
      <span aria-hidden="true">{EMOTION_EMOJI[emotion.emotion]}</span>{' '}
      {t('emotion.line', { emotion: word, confidence: percent(emotion.confidence) })}
    </span>
  );
}
