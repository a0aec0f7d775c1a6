import { useTranslation } from 'react-i18next';
import type { FiringAlerts } from '@meetai/shared';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../../../ui/Feedback';
import { ADMIN_NAMESPACE } from '../i18n';

/** Alertmanager's firing alerts, newest first, or in words why there are none to show. */
export function AlertsPanel({ alerts }: { alerts: FiringAlerts | null }) {
  const { t, i18n } = useTranslation(ADMIN_NAMESPACE);
  return (
    <section className="admin-section" data-testid="alerts-panel" data-status={alerts?.status ?? 'unknown'}>
      <h2>{t('alerts.title')}</h2>
      {alerts?.status === 'down' ? (
        <Notice tone="warning" testId="alerts-unreachable">
          {t('alerts.unreachable', { reason: alerts.message ?? '' })}
        </Notice>
      ) : null}
      {alerts?.status === 'up' && alerts.alerts.length === 0 ? (
        <p className="muted" data-testid="alerts-none">
          {t('alerts.none')}
        </p>
      ) : null}
      {alerts?.status === 'up' && alerts.alerts.length > 0 ? (
        <ul className="alert-list">
          {alerts.alerts.map((alert) => (
            <li
              key={alert.fingerprint}
              className={`alert-item alert-item--${alert.severity ?? 'none'}`}
              data-testid="alert-item"
              data-alert={alert.name}
            >
              <strong>{alert.name}</strong>
              {alert.severity ? <span className="badge">{alert.severity}</span> : null}
              {alert.summary ? <p>{alert.summary}</p> : null}
              <small>{t('alerts.since', { time: formatDateTime(alert.starts_at, i18n.language) })}</small>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
