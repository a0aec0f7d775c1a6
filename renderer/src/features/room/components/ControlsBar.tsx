import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  selectIsCameraOff,
  selectIsHandRaised,
  selectIsMuted,
  selectIsSharingScreen,
  selectParticipantCount,
} from '../../../room/room-selectors';
import { Icon } from '../../../ui/Icon';
import { captionsNoticeKind } from '../captions-notice';
import { useRoomClient, useRoomState, useRoomUi } from '../hooks';
import { useCaptionsPreferences } from '../use-captions-preferences';
import { CaptionsMenu } from './CaptionsMenu';
import { DeviceMenu } from './DeviceMenu';

interface ControlButtonProps {
  label: string;
  /** The tooltip, when it should say more than the label. */
  title?: string;
  icon: ReactNode;
  onClick: () => void;
  isActive?: boolean;
  isPressed?: boolean;
  tone?: 'default' | 'off' | 'danger';
  testId: string;
  badge?: ReactNode;
}

function ControlButton({
  label,
  title,
  icon,
  onClick,
  isActive,
  isPressed,
  tone = 'default',
  testId,
  badge,
}: ControlButtonProps) {
  return (
    <button
      type="button"
      className={`room-control room-control--${tone}${isActive ? ' room-control--active' : ''}`}
      onClick={onClick}
      aria-pressed={isPressed}
      title={title ?? label}
      data-testid={testId}
    >
      {icon}
      <span className="room-control__label">{label}</span>
      {badge}
    </button>
  );
}

interface ControlsBarProps {
  /** With no connection left there is nothing to mute, share or read: only the way out. */
  isLeaveOnly?: boolean;
}

/** The bar under the video: every action on our own media and the room's panels. */
export function ControlsBar({ isLeaveOnly = false }: ControlsBarProps) {
  const { t } = useTranslation('room');
  const controller = useRoomClient();

  return (
    <div
      className={`controls-bar${isLeaveOnly ? ' controls-bar--leave-only' : ''}`}
      role="toolbar"
      aria-label={t('controls.toolbar')}
    >
      {isLeaveOnly ? null : <RoomControls />}
      <div className="controls-bar__group">
        <ControlButton
          label={t('controls.leave')}
          icon={<Icon name="leave" />}
          tone="danger"
          onClick={() => void controller.leave()}
          testId="leave-button"
        />
      </div>
    </div>
  );
}

/** Our microphone, camera and devices; then sharing, hand, layout and the panels. */
function RoomControls() {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const ui = useRoomUi();
  const isMuted = useRoomState(selectIsMuted);
  const isCameraOff = useRoomState(selectIsCameraOff);
  const isSharing = useRoomState(selectIsSharingScreen);
  const isHandRaised = useRoomState(selectIsHandRaised);
  const unread = useRoomState((s) => s.unreadChatCount);
  const panel = useRoomState((s) => s.panel);
  const layout = useRoomState((s) => s.layout);
  const participantCount = useRoomState(selectParticipantCount);

  return (
    <>
      <div className="controls-bar__group">
        <ControlButton
          label={isMuted ? t('controls.unmute') : t('controls.mute')}
          icon={<Icon name={isMuted ? 'micOff' : 'mic'} />}
          tone={isMuted ? 'off' : 'default'}
          isPressed={isMuted}
          onClick={() => void (isMuted ? controller.unmuteMic() : controller.muteMic())}
          testId="toggle-mic"
        />
        <ControlButton
          label={isCameraOff ? t('controls.startVideo') : t('controls.stopVideo')}
          icon={<Icon name={isCameraOff ? 'videoOff' : 'video'} />}
          tone={isCameraOff ? 'off' : 'default'}
          isPressed={isCameraOff}
          onClick={() => void (isCameraOff ? controller.enableWebcam() : controller.disableWebcam())}
          testId="toggle-camera"
        />
        <DeviceMenu />
      </div>
      <div className="controls-bar__group">
        <ControlButton
          label={isSharing ? t('controls.stopSharing') : t('controls.shareScreen')}
          icon={<Icon name={isSharing ? 'screenOff' : 'screen'} />}
          isActive={isSharing}
          isPressed={isSharing}
          onClick={() => void (isSharing ? controller.stopScreenShare() : controller.startScreenShare())}
          testId="toggle-screen"
        />
        <ControlButton
          label={isHandRaised ? t('controls.lowerHand') : t('controls.raiseHand')}
          icon={<Icon name="hand" />}
          isActive={isHandRaised}
          isPressed={isHandRaised}
          onClick={() => void (isHandRaised ? controller.lowerHand() : controller.raiseHand())}
          testId="raise-hand"
        />
        <ControlButton
          label={layout === 'grid' ? t('controls.speakerView') : t('controls.gridView')}
          icon={<Icon name={layout === 'grid' ? 'speakerView' : 'grid'} />}
          onClick={() => ui.setLayout(layout === 'grid' ? 'speaker' : 'grid')}
          testId="layout-toggle"
        />
        <ControlButton
          label={t('controls.chat')}
          icon={<Icon name="chat" />}
          isActive={panel === 'chat'}
          isPressed={panel === 'chat'}
          onClick={() => ui.togglePanel('chat')}
          testId="chat-toggle"
          badge={
            unread > 0 ? (
              <span
                className="room-control__badge"
                data-testid="chat-unread"
                aria-label={t('controls.unread', { count: unread })}
              >
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null
          }
        />
        <ControlButton
          label={t('controls.participants')}
          icon={<Icon name="users" />}
          isActive={panel === 'participants'}
          isPressed={panel === 'participants'}
          onClick={() => ui.togglePanel('participants')}
          testId="participants-toggle"
          badge={<span className="room-control__count">{participantCount}</span>}
        />
      </div>
      <CaptionControls />
    </>
  );
}

/** Captions over the video for this user (on/off, size) and the live transcript panel. */
function CaptionControls() {
  const { t } = useTranslation('room');
  const ui = useRoomUi();
  const { isVisible, setVisible } = useCaptionsPreferences();
  const panel = useRoomState((s) => s.panel);
  const notice = useRoomState((s) => captionsNoticeKind(s.captionsStatus, s.self?.role === 'host'));
  const action = isVisible ? t('controls.hideCaptions') : t('controls.showCaptions');
  // The controls say why captions are not coming, not only the overlay.
  const isStopped = notice !== null && notice !== 'delayed';
  return (
    <div className="controls-bar__group">
      <ControlButton
        label={t('controls.captions')}
        title={isStopped ? t('controls.captionsWhy', { action, why: t(`captions.notice.${notice}`) }) : action}
        icon={<Icon name="captions" />}
        isActive={isVisible}
        isPressed={isVisible}
        onClick={() => setVisible(!isVisible)}
        testId="captions-toggle"
      />
      <CaptionsMenu />
      <ControlButton
        label={t('controls.transcript')}
        icon={<Icon name="transcript" />}
        isActive={panel === 'transcript'}
        isPressed={panel === 'transcript'}
        onClick={() => ui.togglePanel('transcript')}
        testId="transcript-toggle"
      />
    </div>
  );
}
