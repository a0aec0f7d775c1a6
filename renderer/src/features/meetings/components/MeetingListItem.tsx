import type { Meeting } from '@meetai/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { Icon } from '../../../ui/Icon';
import { MeetingStatusBadge } from './MeetingStatusBadge';

function whenText(meeting: Meeting, language: string, instantLabel: string): string {
  if (meeting.status === 'ended') return formatDateTime(meeting.ended_at ?? meeting.started_at, language);
  if (meeting.status === 'ongoing') return formatDateTime(meeting.started_at, language);
  return meeting.scheduled_start ? formatDateTime(meeting.scheduled_start, language) : instantLabel;
}

export function MeetingListItem({ meeting, currentUserId }: { meeting: Meeting; currentUserId: number | null }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="meeting-row">
      <Link
        to={`/meetings/${meeting.id}`}
        className="meeting-item"
        data-testid="meeting-item"
        data-meeting-id={meeting.id}
        data-meeting-code={meeting.code}
      >
        <span className="meeting-item__when">{whenText(meeting, i18n.language, t('meetings.instant'))}</span>
        <span className="meeting-item__main">
          <span className="meeting-item__title">{meeting.title}</span>
          <span className="meeting-item__meta">
            <span className="mono">{meeting.code}</span>
            <span>
              {meeting.host_id === currentUserId
                ? t('meetings.youHost')
                : t('meetings.hostedBy', { name: meeting.host_name })}
            </span>
            {meeting.status === 'ongoing' ? (
              <span>{t('meetings.participants', { count: meeting.participant_count })}</span>
            ) : null}
          </span>
        </span>
        <span className="meeting-item__badges">
          {meeting.has_passcode ? (
            <span className="badge" title={t('meetings.passcodeProtected')}>
              <Icon name="lock" size={14} />
              <span className="visually-hidden">{t('meetings.passcodeProtected')}</span>
            </span>
          ) : null}
          <MeetingStatusBadge status={meeting.status} />
        </span>
      </Link>
      {/* Beside the item's link, not inside it: a link may not hold another. */}
      {meeting.status === 'scheduled' ? null : (
        <Link
          to={`/meetings/${meeting.id}/transcript`}
          className="meeting-row__transcript"
          title={t('meetings.transcript')}
          data-testid="meeting-transcript-link"
        >
          <Icon name="transcript" size={18} />
          <span className="meeting-row__transcript-label">{t('meetings.transcript')}</span>
        </Link>
      )}
    </li>
  );
}
