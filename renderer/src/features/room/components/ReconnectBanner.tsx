import { useTranslation } from 'react-i18next';
import { useRoomClient, useRoomState } from '../hooks';
import { failureText } from './failure-text';

/** Says plainly when the connection is being restored, and when it could not be, with a way back in. */
export function ReconnectBanner() {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const connectionState = useRoomState((s) => s.connectionState);
  const failure = useRoomState((s) => s.failure);

  if (connectionState === 'reconnecting') {
    return (
      <div className="reconnect-banner" role="status" data-testid="reconnect-banner" data-state="reconnecting">
        <span className="spinner" aria-hidden="true" />
        <span>{t('banner.reconnecting')}</span>
      </div>
    );
  }
  if (connectionState === 'failed' && failure?.phase === 'reconnect') {
    return (
      <div
        className="reconnect-banner reconnect-banner--failed"
        role="alert"
        data-testid="reconnect-banner"
        data-state="failed"
      >
        <span>
          {t('banner.failed')} {failureText(t, failure.code)}
        </span>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void controller.join()}
          data-testid="rejoin-button"
        >
          {t('banner.rejoin')}
        </button>
      </div>
    );
  }
  return null;
}
