import { useTranslation } from 'react-i18next';
import { selectMeetingStartedAt } from '../../../room/room-selectors';
import { formatElapsed } from '../../../lib/format';
import { useNow, useRoomState } from '../hooks';

/** Time since the meeting started (the server's start time when known, else the earliest join present). */
export function MeetingTimer({ startedAt }: { startedAt: string | null }) {
  const { t } = useTranslation('room');
  const fallback = useRoomState(selectMeetingStartedAt);
  const now = useNow(1000);
  const start = Date.parse(startedAt ?? fallback ?? '');
  if (Number.isNaN(start)) return null;
  return (
    <time className="meeting-timer" data-testid="meeting-timer" aria-label={t('page.timer')} title={t('page.timer')}>
      {formatElapsed(now - start)}
    </time>
  );
}
