import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetGroup } from '@meetai/shared';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/Feedback';
import { useSettingsStore } from '../../settings';
import { ADMIN_NAMESPACE } from '../i18n';
import { REFRESH_CHOICES_S, changedUrls, loadPreferences, savePreferences, targetsFor } from '../preferences';
import { useHealth } from '../use-health';
import { AlertsPanel } from './AlertsPanel';
import { FiguresPanel } from './FiguresPanel';
import { TargetCard } from './TargetCard';
import { TargetSettings } from './TargetSettings';

const GROUPS: TargetGroup[] = ['core', 'monitoring'];

/** The whole system at a glance: overall state, a card per target, Prometheus's figures, firing alerts. */
export function HealthPanel() {
  const { t, i18n } = useTranslation(ADMIN_NAMESPACE);
  const serverUrl = useSettingsStore((s) => s.settings.server_url);
  const [preferences, setPreferences] = useState(() => loadPreferences(window.localStorage));
  const [isEditing, setIsEditing] = useState(false);
  const targets = useMemo(() => targetsFor(serverUrl, preferences.urls), [serverUrl, preferences.urls]);
  const health = useHealth(targets, preferences.refresh_s);
  const now = useNow(1000);

  const update = (next: typeof preferences) => {
    savePreferences(window.localStorage, next);
    setPreferences(next);
  };
  const sweep = health.sweep;
  return (
    <div className="health-panel">
      <section
        className={`card health-overall health-overall--${sweep?.status ?? 'unknown'}`}
        data-testid="health-overall"
        data-status={sweep?.status ?? 'unknown'}
      >
        <div>
          <h2>{t('overall.title')}</h2>
          <p className="health-overall__word" data-testid="health-overall-word">
            {sweep ? t(`overall.${sweep.status}`) : t('overall.never')}
          </p>
          {sweep ? (
            <p className="muted" data-testid="health-monitoring-status" data-status={sweep.monitoring_status}>
              {t('overall.monitoring', { status: t(`status.${sweep.monitoring_status}`) })} ·{' '}
              {t('overall.checkedAt', { time: formatDateTime(sweep.checked_at, i18n.language), ms: sweep.duration_ms })}
            </p>
          ) : null}
        </div>
        <div className="health-overall__controls">
          <label className="field">
            <span className="field__label">{t('refresh.every')}</span>
            <select
              className="input"
              value={preferences.refresh_s}
              onChange={(event) => update({ ...preferences, refresh_s: Number(event.target.value) })}
              data-testid="health-refresh-interval"
            >
              {REFRESH_CHOICES_S.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? t('refresh.off') : t('refresh.seconds', { count: s })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={health.refresh}
            disabled={health.isChecking}
            data-testid="health-refresh"
          >
            {health.isChecking ? t('refresh.checking') : t('refresh.now')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            aria-expanded={isEditing}
            onClick={() => setIsEditing(!isEditing)}
            data-testid="health-settings-toggle"
          >
            {t('settings.toggle')}
          </button>
        </div>
      </section>
      <ErrorNotice error={health.error} testId="health-error" />
      {isEditing ? (
        <TargetSettings
          targets={targets}
          onSave={(urls) => {
            update({ ...preferences, urls: changedUrls(serverUrl, urls) });
            setIsEditing(false);
          }}
          onReset={() => {
            update({ ...preferences, urls: {} });
            setIsEditing(false);
          }}
        />
      ) : null}
      {GROUPS.map((group) => (
        <section key={group} className="admin-section" data-testid={`health-group-${group}`}>
          <h2>{t(`groups.${group}`)}</h2>
          <div className="health-grid">
            {sweep?.targets
              .filter((result) => result.group === group)
              .map((result) => (
                <TargetCard key={result.name} result={result} history={health.history[result.name]} now={now} />
              ))}
          </div>
        </section>
      ))}
      <div className="admin-columns">
        <FiguresPanel figures={health.figures} />
        <AlertsPanel alerts={health.alerts} />
      </div>
    </div>
  );
}

/** The clock, ticking every `ms`, for "up for 4:07". */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}
