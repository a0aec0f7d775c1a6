import type { UpdateStatus } from '@meetai/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/get-bridge';
import { createLogger } from '../lib/logger';

const log = createLogger('update-banner');

/** The app's own update, as main reports it: the status now, then every change. */
function useUpdateStatus(): UpdateStatus | null {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    const bridge = getBridge();
    let isCurrent = true;
    const unsubscribe = bridge.on('updater:status', setStatus);
    bridge.updaterGetStatus().then(
      (first) => {
        if (isCurrent) setStatus((later) => later ?? first);
      },
      (error: unknown) => log.warn('updater:getStatus failed', error),
    );
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, []);
  return status;
}

/**
 * A downloading update's progress, then the offer to restart into it. Shown
 * on the signed-in screens, not in a meeting, where a restart would cut the
 * call; an update not installed now is installed when the app next quits.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const status = useUpdateStatus();
  const [isDismissed, setIsDismissed] = useState(false);

  if (status?.state === 'downloading') {
    const percent = Math.floor(status.percent);
    return (
      <div className="update-banner" role="status" data-testid="update-banner" data-state="downloading">
        <span>{t('desktop.update.downloading', { version: status.version, percent })}</span>
        <progress max={100} value={percent} aria-hidden="true" />
      </div>
    );
  }
  if (status?.state === 'ready' && !isDismissed) {
    return (
      <div className="update-banner" role="status" data-testid="update-banner" data-state="ready">
        <span>{t('desktop.update.ready', { version: status.version })}</span>
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            getBridge()
              .updaterInstall()
              .catch((error: unknown) => log.warn('updater:install failed', error))
          }
          data-testid="update-restart"
        >
          {t('desktop.update.restart')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setIsDismissed(true)}>
          {t('desktop.update.later')}
        </button>
      </div>
    );
  }
  return null;
}
