import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '@meetai/shared';
import { formatElapsed } from '../../../lib/format';
import { analysisApi } from '../api';
import { ANALYSIS_NAMESPACE } from '../i18n';

type Loaded = { status: 'loading' } | { status: 'ready'; summary: MeetingSummary | null } | { status: 'error' };

/**
 * The top of the transcript page: the meeting's summary (made at its end, or
 * on request), then its decisions and action items, each with who and when
 * and a link to its place in the transcript.
 */
export function MeetingSummaryCard({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation(ANALYSIS_NAMESPACE);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [isMaking, setIsMaking] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    analysisApi.summary(meetingId).then(
      (summary) => isCurrent && setLoaded({ status: 'ready', summary }),
      () => isCurrent && setLoaded({ status: 'error' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [meetingId]);

  const make = useCallback(async () => {
    setIsMaking(true);
    try {
      setLoaded({ status: 'ready', summary: await analysisApi.makeSummary(meetingId) });
    } catch {
      setLoaded({ status: 'error' });
    } finally {
      setIsMaking(false);
    }
  }, [meetingId]);

  if (loaded.status === 'loading') return null;
  const summary = loaded.status === 'ready' ? loaded.summary : null;
  return (
    <section className="card meeting-summary" aria-label={t('summary.title')} data-testid="meeting-summary">
      <header className="meeting-summary__header">
        <h2>{t('summary.title')}</h2>
        {summary?.is_final ? null : (
          <button
            type="button"
            className="button"
            onClick={() => void make()}
            disabled={isMaking}
            data-testid="summary-make"
          >
            {isMaking ? t('summary.making') : t('summary.make')}
          </button>
        )}
      </header>
      {loaded.status === 'error' ? <p className="muted">{t('summary.failed')}</p> : null}
      {summary ? (
        <>
          <p className="meeting-summary__text" data-testid="summary-text">
            {summary.summary}
          </p>
          <p className="muted meeting-summary__method">
            {summary.is_final ? t('summary.final') : t('summary.provisional')}{' '}
            {t('summary.method', { method: summary.method })}
          </p>
          <h3>{t('summary.items')}</h3>
          {summary.action_items.length === 0 ? (
            <p className="muted">{t('summary.noItems')}</p>
          ) : (
            <ul className="meeting-summary__items" data-testid="summary-items">
              {summary.action_items.map((item) => (
                <li key={`${item.line_id}-${item.text}`} data-testid="summary-item" data-kind={item.kind}>
                  <span className={`meeting-summary__kind meeting-summary__kind--${item.kind}`}>
                    {t(item.kind === 'decision' ? 'summary.decision' : 'summary.action')}
                  </span>{' '}
                  <span>{item.text}</span>{' '}
                  <span className="muted">
                    {[
                      item.who ? t('summary.who', { who: item.who }) : null,
                      item.when ? t('summary.when', { when: item.when }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>{' '}
                  <a href={`#transcript-line-${item.line_id}`} className="muted">
                    {item.speaker_name} {t('summary.at', { time: formatElapsed(item.offset_ms) })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : loaded.status === 'ready' ? (
        <p className="muted" data-testid="summary-none">
          {t('summary.none')}
        </p>
      ) : null}
    </section>
  );
}
