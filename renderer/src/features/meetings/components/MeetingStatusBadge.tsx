import type { MeetingStatus } from '@meetai/shared';
import { useTranslation } from 'react-i18next';

const toneOf: Record<MeetingStatus, string> = {
  scheduled: 'badge badge--accent',
  ongoing: 'badge badge--live',
  ended: 'badge',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <span className={toneOf[status]} data-testid="meeting-status" data-status={status}>
      {t(`meetings.status.${status}`)}
    </span>
  );
}
