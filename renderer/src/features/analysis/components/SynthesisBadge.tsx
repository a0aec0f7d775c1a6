import { useTranslation } from 'react-i18next';
import type { SynthesisAlert } from '@meetai/shared';
import { ANALYSIS_NAMESPACE } from '../i18n';

/** On the tile of a speaker the experimental indicator raised its alert for; what it rests on in the tooltip. */
export function SynthesisBadge({ alert }: { alert: SynthesisAlert }) {
  const { t } = useTranslation(ANALYSIS_NAMESPACE);
  return (
    <span
      className="analysis-badge analysis-badge--synthesis"
      role="status"
      title={t('synthesis.tooltip', {
        flagged: alert.flaggedUtterances,
        utterances: alert.utterances,
        score: alert.score.toFixed(2),
        method: alert.method,
      })}
      data-testid="tile-synthesis-alert"
    >
      <span aria-hidden="true">⚠</span> {t('synthesis.badge')}
      <span className="visually-hidden"> ({t('synthesis.label')})</span>
    </span>
  );
}
