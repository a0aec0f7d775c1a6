import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadingBlock, Notice } from '../../ui/Feedback';
import { parseMeetingId, useMeeting } from '../meetings';
import { useSessionStore } from '../session';
import { useSettingsStore } from '../settings';
import { RoomPage } from './components/RoomPage';
import { RoomContext } from './room-context';
import { useRoomStore } from './store';
import { useRoomSession } from './use-room-session';

/**
 * The `/room/:id` route: finds the meeting and the user, starts the room
 * session, and hands it to the components through context. Loaded lazily,
 * so mediasoup-client stays out of the app's first chunk.
 */
export function RoomRoute() {
  const { t } = useTranslation('room');
  const navigate = useNavigate();
  const id = parseMeetingId(useParams().id);
  const { meeting } = useMeeting(id);
  const user = useSessionStore((s) => s.user);
  const speakerId = useSettingsStore((s) => s.settings.speaker_id);
  const session = useRoomSession(id, user ? user.nickname || user.username : '');

  if (id === null) {
    return (
      <div className="page">
        <Notice tone="error">{t('translation:errors.MEETING_NOT_FOUND')}</Notice>
        <Link to="/">{t('ended.back')}</Link>
      </div>
    );
  }
  if (!session) return <LoadingBlock label={t('page.joining')} testId="room-loading" />;

  const leaveTo = (path: string) => {
    useRoomStore.getState().clear();
    navigate(path, { replace: true });
  };

  return (
    <RoomContext.Provider value={session}>
      <RoomPage
        title={meeting?.title ?? null}
        startedAt={meeting?.started_at ?? null}
        speakerId={speakerId}
        onExit={() => leaveTo('/')}
        onReturnToLobby={() => leaveTo(`/lobby/${id}`)}
      />
    </RoomContext.Provider>
  );
}
