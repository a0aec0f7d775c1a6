import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisStatus } from '@meetai/shared';
import { ANALYSIS_NAMESPACE } from '../i18n';

/** Host: emotion estimates and the experimental synthetic-voice indicator on or off for the meeting. */
export function AnalysisHostControls({
  status,
  onChange,
}: {
  status: AnalysisStatus;
  onChange: (change: { emotion?: boolean; synthesis?: boolean }) => Promise<void>;
}) {
  const { t } = useTranslation(ANALYSIS_NAMESPACE);
  const [isSaving, setIsSaving] = useState(false);
  const apply = async (change: { emotion?: boolean; synthesis?: boolean }) => {
    setIsSaving(true);
    try {
      await onChange(change);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <fieldset className="captions-host" disabled={isSaving} data-testid="analysis-host">
      <legend className="captions-host__title">{t('host.title')}</legend>
      <label className="captions-host__switch" title={status.emotionMethod}>
        <input
          type="checkbox"
          role="switch"
          checked={status.emotion}
          onChange={(event) => void apply({ emotion: event.target.checked })}
          data-testid="analysis-emotion-toggle"
        />
        <span>{t('host.emotion')}</span>
      </label>
      <label className="captions-host__switch" title={status.synthesisMethod}>
        <input
          type="checkbox"
          role="switch"
          checked={status.synthesis}
          onChange={(event) => void apply({ synthesis: event.target.checked })}
          data-testid="analysis-synthesis-toggle"
        />
        <span>{t('host.synthesis')}</span>
      </label>
      <p className="room-panel__hint">{t('host.hint')}</p>
    </fieldset>
  );
}
