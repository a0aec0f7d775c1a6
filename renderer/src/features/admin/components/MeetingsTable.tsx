import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMeeting } from '@meetai/shared';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/Feedback';
import { adminApi } from '../api';
import { ADMIN_NAMESPACE } from '../i18n';
import { useAdminList } from '../use-admin-list';
import { ConfirmAction } from './ConfirmAction';
import { Pager, TableSearch } from './TableControls';

/** Ongoing meetings with who is in them; ending one sends everyone home with a message. */
export function MeetingsTable() {
  const { t, i18n } = useTranslation(ADMIN_NAMESPACE);
  const list = useAdminList(adminApi.meetings);
  const [actionError, setActionError] = useState<unknown>(null);
  const end = (meeting: AdminMeeting, message: string) => async () => {
    setActionError(null);
    try {
      await adminApi.endMeeting(meeting.id, message);
    } catch (error) {
      setActionError(error);
    }
    list.reload();
  };
  return (
    <section className="admin-section" data-testid="admin-meetings">
      <TableSearch value={list.search} onChange={list.setSearch} testId="meetings-search" />
      <ErrorNotice error={list.error ?? actionError} testId="meetings-error" />
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('meetings.title')}</th>
            <th>{t('meetings.code')}</th>
            <th>{t('meetings.host')}</th>
            <th>{t('meetings.started')}</th>
            <th>{t('meetings.people')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.list.map((meeting) => (
            <MeetingRow key={meeting.id} meeting={meeting} language={i18n.language} onEnd={(m) => end(meeting, m)()} />
          ))}
        </tbody>
      </table>
      {list.data && list.data.total === 0 ? (
        <p className="muted" data-testid="meetings-empty">
          {t('table.empty')}
        </p>
      ) : null}
      <Pager page={list.query.page} pages={list.data?.total_pages ?? 0} onPage={list.goTo} testId="meetings-pager" />
    </section>
  );
}

function MeetingRow({
  meeting,
  language,
  onEnd,
}: {
  meeting: AdminMeeting;
  language: string;
  onEnd: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  const [message, setMessage] = useState('');
  return (
    <tr data-testid="meeting-row" data-meeting-id={meeting.id} data-code={meeting.code}>
      <td>{meeting.title}</td>
      <td>{meeting.code}</td>
      <td>{meeting.host_name}</td>
      <td>{formatDateTime(meeting.started_at, language)}</td>
      <td>
        <ul className="people-list">
          {meeting.participants.map((p) => (
            <li key={p.user_id} data-testid="meeting-person" data-connected={p.is_connected}>
              {p.nickname} <span className="muted">({t(p.is_connected ? 'meetings.connected' : 'meetings.away')})</span>
            </li>
          ))}
        </ul>
      </td>
      <td>
        <ConfirmAction
          label={t('meetings.end')}
          question={t('meetings.confirmEnd', { title: meeting.title })}
          onConfirm={() => onEnd(message.trim() || t('meetings.defaultMessage'))}
          testId="meeting-force-end"
        >
          <input
            className="input"
            placeholder={t('meetings.defaultMessage')}
            aria-label={t('meetings.message')}
            maxLength={500}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            data-testid="meeting-end-message"
          />
        </ConfirmAction>
      </td>
    </tr>
  );
}
