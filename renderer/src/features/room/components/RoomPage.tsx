import { useTranslation } from 'react-i18next';
import { selectParticipantCount, selectScreenSharePeerId, selectSelfPeerId } from '../../../room/room-selectors';
import { Icon } from '../../../ui/Icon';
import { useRoomState } from '../hooks';
import { CaptionsOverlay } from './CaptionsOverlay';
import { CaptionsPrivacy } from './CaptionsPrivacy';
import { ChatPanel } from './ChatPanel';
import { ControlsBar } from './ControlsBar';
import { MeetingTimer } from './MeetingTimer';
import { NoticeToasts } from './NoticeToasts';
import { ParticipantsPanel } from './ParticipantsPanel';
import { QualityIndicator } from './QualityIndicator';
import { ReconnectBanner } from './ReconnectBanner';
import { RemoteAudio } from './RemoteAudio';
import { RoomStatusView } from './RoomStatusView';
import { SpeakerLayout } from './SpeakerLayout';
import { TranscriptPanel } from './TranscriptPanel';
import { VideoGrid } from './VideoGrid';
import '../meeting-room.css';
import '../captions.css';

export interface RoomPageProps {
  title: string | null;
  /** When the meeting started according to the server, if known. */
  startedAt: string | null;
  /** Output device from the settings, for everyone's voice. */
  speakerId: string | null;
  onExit: () => void;
  onReturnToLobby: () => void;
}

/** The meeting: header, video (grid, speaker view or a shared screen), side panel, controls. */
export function RoomPage({ title, startedAt, speakerId, onExit, onReturnToLobby }: RoomPageProps) {
  const { t } = useTranslation('room');
  const connectionState = useRoomState((s) => s.connectionState);
  const failurePhase = useRoomState((s) => s.failure?.phase ?? null);
  const hasJoined = useRoomState((s) => s.self !== null);
  const selfPeerId = useRoomState(selectSelfPeerId);
  const screenPeerId = useRoomState(selectScreenSharePeerId);
  const layout = useRoomState((s) => s.layout);
  const panel = useRoomState((s) => s.panel);
  const isLocked = useRoomState((s) => s.isLocked);
  const participantCount = useRoomState(selectParticipantCount);

  const isOver = connectionState === 'closed' || (connectionState === 'failed' && failurePhase === 'join');
  // Reconnecting gave up: the banner offers Rejoin over an empty stage, and Leave is the only control.
  const hasLostRoom = connectionState === 'failed';
  if (isOver) {
    return (
      <div className="meeting-room meeting-room--status" data-testid="room-page" data-state={connectionState}>
        <RoomStatusView onExit={onExit} onReturnToLobby={onReturnToLobby} />
      </div>
    );
  }

  return (
    <div className="meeting-room" data-testid="room-page" data-state={connectionState} aria-label={t('page.label')}>
      <header className="meeting-room__header">
        <h1 className="meeting-room__title">{title ?? t('page.untitled')}</h1>
        {isLocked ? (
          <span className="meeting-room__locked" data-testid="room-locked">
            <Icon name="lock" size={16} />
            {t('page.locked')}
          </span>
        ) : null}
        {hasJoined ? <CaptionsPrivacy /> : null}
        {hasJoined ? (
          <span className="meeting-room__count">{t('page.participantCount', { count: participantCount })}</span>
        ) : null}
        <MeetingTimer startedAt={startedAt} />
        {selfPeerId ? <QualityIndicator peerId={selfPeerId} /> : null}
      </header>
      <ReconnectBanner />
      <div className="meeting-room__body">
        <section className="meeting-room__stage">
          {hasLostRoom ? null : !hasJoined ? (
            <div className="meeting-room__joining" role="status">
              <span className="spinner" aria-hidden="true" />
              <span>{t('page.joining')}</span>
            </div>
          ) : screenPeerId || layout === 'speaker' ? (
            <SpeakerLayout screenPeerId={screenPeerId} />
          ) : (
            <VideoGrid />
          )}
          {hasJoined ? <CaptionsOverlay /> : null}
          <NoticeToasts />
        </section>
        {panel === 'chat' && !hasLostRoom ? <ChatPanel /> : null}
        {panel === 'participants' && !hasLostRoom ? <ParticipantsPanel /> : null}
        {panel === 'transcript' && !hasLostRoom ? <TranscriptPanel /> : null}
      </div>
      <ControlsBar isLeaveOnly={hasLostRoom} />
      <RemoteAudio speakerId={speakerId} />
    </div>
  );
}
