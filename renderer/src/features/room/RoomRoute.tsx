import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadingBlock } from '../../ui/Feedback';
import { parseMeetingId, useMeeting } from '../meetings';
import { useSessionStore } from '../session';
import { useSettingsStore } from '../settings';
import { RoomPage } from './components/RoomPage';
import { ScreenPickerDialog } from './components/ScreenPickerDialog';
import { RoomContext } from './room-context';
import { useSynthesisNotifications } from '../analysis';
import { useDesktopMeeting } from './use-desktop-meeting';
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
  const { meeting } = useMeeting(id, { onlyIfMissing: true });
  const user = useSessionStore((s) => s.user);
  const speakerId = useSettingsStore((s) => s.settings.speaker_id);
  const session = useRoomSession(id, user ? user.nickname || user.username : '');
  // The desktop shell's tray, badge, notifications and power-save blocker follow this meeting.
  useDesktopMeeting(
    session && id !== null
      ? {
          meetingId: id,
          title: meeting?.title ?? null,
          store: session.store,
          controller: session.controller,
          ui: session.ui,
        }
      : null,
  );

  // A synthetic-voice alert also becomes a desktop notification (the bridge's, or the browser's when allowed).
  useSynthesisNotifications(session?.store ?? null, id);

  // Both outside the room proper, yet already on its dark frame: no light flash before the video.
  if (id === null) {
    return (
      <div className="meeting-room meeting-room--status">
        <section className="card room-status" role="alert">
          <p>{t('translation:errors.MEETING_NOT_FOUND')}</p>
          <div className="room-status__actions">
            <Link to="/" className="button button--primary">
              {t('ended.back')}
            </Link>
          </div>
        </section>
      </div>
    );
  }
  if (!session) {
    return (
      <div className="meeting-room meeting-room--status">
        <LoadingBlock label={t('page.joining')} testId="room-loading" />
      </div>
    );
  }

  const leaveTo = (path: string) => navigate(path, { replace: true });

  return (
    <RoomContext.Provider value={session}>
      <RoomPage
        title={meeting?.title ?? null}
        startedAt={meeting?.started_at ?? null}
        speakerId={speakerId}
        onExit={() => leaveTo('/')}
        onReturnToLobby={() => leaveTo(`/lobby/${id}`)}
      />
      {session.screenPicker ? <ScreenPickerDialog picker={session.screenPicker} /> : null}
    </RoomContext.Provider>
  );
}
