import { TranscriptExportFormatSchema, type TranscriptExportFormat } from '@meetai/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../../lib/save-file';
import { errorMessage } from '../../../i18n/error-message';
import { Notice } from '../../../ui/Feedback';
import { Icon } from '../../../ui/Icon';
import { transcriptsApi } from '../api';

/** Downloads the whole transcript (whatever the search) as txt, srt, vtt or json, with the user's credentials. */
export function ExportButtons({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<TranscriptExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const exportAs = async (format: TranscriptExportFormat) => {
    setPending(format);
    setError(null);
    try {
      const file = await transcriptsApi.export(meetingId, format);
      // The server's name when CORS lets us read it, else one in the same spirit.
      saveFile(file.blob, file.filename ?? `meeting-${meetingId}-transcript.${format}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="transcript-export">
      <div className="transcript-export__buttons" role="group" aria-label={t('transcript.export')}>
        <span className="transcript-export__label">
          <Icon name="download" size={16} />
          {t('transcript.export')}
        </span>
        {TranscriptExportFormatSchema.options.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={pending !== null}
            onClick={() => void exportAs(format)}
            title={t('transcript.exportAs', { format: format.toUpperCase() })}
            data-testid={`transcript-export-${format}`}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      {error ? (
        <Notice tone="error" testId="transcript-export-error">
          {t('transcript.exportFailed')} {errorMessage(t, error)}
        </Notice>
      ) : null}
    </div>
  );
}
