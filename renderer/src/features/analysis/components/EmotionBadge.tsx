import { useTranslation } from 'react-i18next';
import type { SpeakerEmotion } from '@meetai/shared';
import { ANALYSIS_NAMESPACE } from '../i18n';
import { EMOTION_EMOJI, percent } from '../emotion-labels';

/** A speaker's running emotion on their tile: emoji and word; the method and how sure in the tooltip. */
export function EmotionBadge({ emotion }: { emotion: SpeakerEmotion }) {
  const { t } = useTranslation(ANALYSIS_NAMESPACE);
  const { estimate } = emotion;
  const word = t(`emotion.labels.${estimate.emotion}`);
  const tooltip = t('emotion.tooltip', {
    emotion: word,
    confidence: percent(estimate.confidence),
    count: emotion.utterances,
    signals: estimate.signals.map((signal) => t(`emotion.signals.${signal}`)).join(' + '),
    method: estimate.method,
  });
  return (
    <span
      className="analysis-badge analysis-badge--emotion"
      title={tooltip}
      data-testid="tile-emotion"
      data-emotion={estimate.emotion}
      aria-label={t('emotion.badge', { name: emotion.displayName, emotion: word })}
    >
      <span aria-hidden="true">{EMOTION_EMOJI[estimate.emotion]}</span> {word}
    </span>
  );
}
