import { buildAppJoinLink, type MeetingScope, type MeetingStatus } from '@meetai/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { CopyField } from '../../../ui/CopyField';
import { ErrorNotice, LoadingBlock, Notice, PageError } from '../../../ui/Feedback';
import { Icon } from '../../../ui/Icon';
import { useSessionStore } from '../../session';
import { meetingsApi } from '../api';
import { parseMeetingId, useMeeting } from '../hooks';
import { useMeetingsStore } from '../store';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import '../meetings.css';

type Pending = 'end' | 'delete' | null;

/** The home tab a meeting in this state is listed under. */
const scopeOf: Record<MeetingStatus, MeetingScope> = { scheduled: 'upcoming', ongoing: 'ongoing', ended: 'past' };

export function MeetingDetailsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const id = parseMeetingId(useParams().id);
  const { meeting, error, reload } = useMeeting(id);
  const userId = useSessionStore((s) => s.user?.id ?? null);
  const [confirming, setConfirming] = useState<Pending>(null);
  const [isWorking, setIsWorking] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  if (!meeting) {
    if (error || id === null) {
      return <PageError error={error} onRetry={id === null ? undefined : reload} testId="meeting-error" />;
    }
    return <LoadingBlock label={t('app.loading')} testId="meeting-loading" />;
  }

  const isHost = meeting.host_id === userId;
  const isEnded = meeting.status === 'ended';

  const runHostAction = async (action: Exclude<Pending, null>) => {
    setIsWorking(true);
    setActionError(null);
    try {
      if (action === 'delete') {
        await meetingsApi.remove(meeting.id);
        useMeetingsStore.getState().removeMeeting(meeting.id);
        navigate('/', { replace: true });
        return;
      }
      useMeetingsStore.getState().upsertMeeting(await meetingsApi.end(meeting.id));
    } catch (failure) {
      setActionError(failure);
    } finally {
      setIsWorking(false);
      setConfirming(null);
    }
  };

  return (
    <div className="page details" data-testid="meeting-details" data-meeting-id={meeting.id}>
      <header className="details__header">
        <Link to={`/?tab=${scopeOf[meeting.status]}`} className="muted" data-testid="meeting-back">
          ← {t('nav.meetings')}
        </Link>
        <div className="details__title-row">
          <h1 data-testid="meeting-title">{meeting.title}</h1>
          <MeetingStatusBadge status={meeting.status} />
        </div>
        {meeting.description ? <p className="muted">{meeting.description}</p> : null}
      </header>

      <section className="card details__section" aria-label={t('details.code')}>
        <dl className="details__facts">
          <dt>{t('details.code')}</dt>
          <dd className="mono details__code" data-testid="meeting-code">
            {meeting.code}
          </dd>
          <dt>{t('details.scheduled')}</dt>
          <dd>
            {meeting.scheduled_start ? formatDateTime(meeting.scheduled_start, i18n.language) : t('meetings.instant')}
          </dd>
          {meeting.started_at ? (
            <>
              <dt>{t('details.startedAt')}</dt>
              <dd>{formatDateTime(meeting.started_at, i18n.language)}</dd>
            </>
          ) : null}
          {meeting.ended_at ? (
            <>
              <dt>{t('details.endedAt')}</dt>
              <dd>{formatDateTime(meeting.ended_at, i18n.language)}</dd>
            </>
          ) : null}
          <dt>{t('details.host')}</dt>
          <dd>{isHost ? t('meetings.youHost') : meeting.host_name}</dd>
        </dl>
        <p
          className="details__passcode"
          data-testid="meeting-passcode-indicator"
          data-has-passcode={meeting.has_passcode}
        >
          <Icon name={meeting.has_passcode ? 'lock' : 'unlock'} size={16} />
          {meeting.has_passcode ? t('details.passcodeOn') : t('details.passcodeOff')}
        </p>
        {isEnded ? <Notice testId="meeting-ended">{t('details.ended')}</Notice> : null}
        <div className="details__actions">
          {isEnded ? null : (
            <Link
              to={`/lobby/${meeting.id}`}
              className="button button--primary button--large"
              data-testid="meeting-join"
            >
              <Icon name="video" />
              {isHost && meeting.status === 'scheduled' ? t('details.start') : t('details.join')}
            </Link>
          )}
          {meeting.status === 'scheduled' ? null : (
            <Link
              to={`/meetings/${meeting.id}/transcript`}
              className="button button--large"
              data-testid="meeting-transcript-link"
            >
              <Icon name="transcript" />
              {t('details.transcript')}
            </Link>
          )}
        </div>
      </section>

      {isEnded ? null : (
        <section className="card details__section" aria-labelledby="invite-title">
          <h2 id="invite-title">{t('details.invite')}</h2>
          <p className="muted">{t('details.inviteHint')}</p>
          <CopyField label={t('details.webLink')} value={meeting.join_url} testId="invite-web-link" />
          <CopyField label={t('details.appLink')} value={buildAppJoinLink(meeting.code)} testId="invite-app-link" />
        </section>
      )}

      {isHost ? (
        <section className="card details__section" aria-labelledby="host-title">
          <h2 id="host-title">{t('details.hostActions')}</h2>
          <ErrorNotice error={actionError} testId="meeting-action-error" />
          {confirming ? (
            <div className="details__confirm" role="alertdialog" aria-labelledby="confirm-text">
              <span id="confirm-text">
                {confirming === 'end' ? t('details.endConfirm') : t('details.deleteConfirm')}
              </span>
              <button
                type="button"
                className="button button--danger"
                disabled={isWorking}
                onClick={() => void runHostAction(confirming)}
                data-testid={`meeting-${confirming}-confirm`}
                autoFocus
              >
                {confirming === 'end' ? t('details.endYes') : t('details.deleteYes')}
              </button>
              <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <div className="details__actions">
              {meeting.status === 'ongoing' ? (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setConfirming('end')}
                  data-testid="meeting-end"
                >
                  {t('details.end')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--danger"
                onClick={() => setConfirming('delete')}
                data-testid="meeting-delete"
              >
                {t('details.delete')}
              </button>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
