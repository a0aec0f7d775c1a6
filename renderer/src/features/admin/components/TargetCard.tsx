import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '@meetai/shared';
import { getBridge } from '../../../bridge/get-bridge';
import { formatElapsed } from '../../../lib/format';
import { createLogger } from '../../../lib/logger';
import type { TargetHistory } from '../health-history';
import { ADMIN_NAMESPACE } from '../i18n';
import { Sparkline } from './Sparkline';

const log = createLogger('admin-health');

/** The page a person would open for a target: its UI where it has one, else the address probed. */
function linkOf(result: ProbeResult): string {
  if (['jaeger', 'prometheus', 'grafana'].includes(result.name)) return result.url.replace(/\/(api|-)\/.*$/, '');
  return result.url;
}

/** One probed target: colour and word, latency, HTTP status, why it is not up, recent checks, time in this state. */
export function TargetCard({ result, history, now }: { result: ProbeResult; history?: TargetHistory; now: number }) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  const label = t(`targets.${result.name}`);
  const status = t(`status.${result.status}`);
  const since = history ? formatElapsed(Math.max(0, now - Date.parse(history.since))) : null;
  return (
    <article
      className={`health-card health-card--${result.status}`}
      data-testid="health-card"
      data-target={result.name}
      data-status={result.status}
    >
      <header className="health-card__head">
        <span className={`status-dot status-dot--${result.status}`} aria-hidden="true" />
        <h3 className="health-card__name">{label}</h3>
        <span className="health-card__status" data-testid="health-card-status">
          {status}
        </span>
      </header>
      <dl className="health-card__facts">
        <div>
          <dt className="visually-hidden">latency</dt>
          <dd data-testid="health-card-latency">
            {result.latency_ms === null ? t('card.noLatency') : t('card.latency', { ms: result.latency_ms })}
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">HTTP</dt>
          <dd data-testid="health-card-http">
            {result.http_status === null ? t('card.noHttp') : t('card.http', { status: result.http_status })}
          </dd>
        </div>
      </dl>
      {result.message ? (
        <p className="health-card__message" data-testid="health-card-message" title={result.message}>
          {result.message}
        </p>
      ) : null}
      <footer className="health-card__foot">
        <Sparkline history={history} label={t('card.history')} />
        {since ? (
          <span className="health-card__since" data-testid="health-card-since">
            {t('card.since', { status, duration: since })}
          </span>
        ) : null}
        {result.url ? (
          <button
            type="button"
            className="link-button"
            data-testid="health-card-open"
            onClick={() =>
              void getBridge()
                .shellOpenExternal(linkOf(result))
                .catch((error: unknown) => log.warn('open | refused', error))
            }
          >
            {t('card.open')}
          </button>
        ) : null}
      </footer>
    </article>
  );
}
