import type { MeetingScope } from '@meetai/shared';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState, LoadingBlock, Notice } from '../../../ui/Feedback';
import type { IconName } from '../../../ui/Icon';
import { useSessionStore } from '../../session';
import { loadMeetings } from '../meetings-actions';
import { selectScopeMeetings, useMeetingsStore } from '../store';
import { MeetingListItem } from './MeetingListItem';

const emptyIcons: Record<MeetingScope, IconName> = { upcoming: 'calendar', ongoing: 'video', past: 'clock' };

/** One tab's meetings, with its loading, failure and empty states. */
export function MeetingList({ scope }: { scope: MeetingScope }) {
  const { t } = useTranslation();
  const list = useMeetingsStore((s) => s.lists[scope]);
  const meetings = useMeetingsStore(useShallow((s) => selectScopeMeetings(s, scope)));
  const userId = useSessionStore((s) => s.user?.id ?? null);

  if (list.status === 'failed') {
    return (
      <Notice tone="error" onRetry={() => void loadMeetings(scope)} testId="meetings-error">
        {t('meetings.loadFailed')} {t(`errors.${list.errorCode ?? 'unknown'}`)}
      </Notice>
    );
  }
  if (meetings.length === 0 && list.status !== 'loaded') {
    return <LoadingBlock label={t('app.loading')} testId="meetings-loading" />;
  }
  if (meetings.length === 0) {
    return (
      <EmptyState
        icon={emptyIcons[scope]}
        title={t(`meetings.empty.${scope}`)}
        body={t(`meetings.empty.${scope}Body`)}
        testId="meetings-empty"
      />
    );
  }
  return (
    <ul className="meeting-list" data-testid="meeting-list" aria-busy={list.status === 'loading'}>
      {meetings.map((meeting) => (
        <MeetingListItem key={meeting.id} meeting={meeting} currentUserId={userId} />
      ))}
    </ul>
  );
}
