import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectIsHost, selectPeer, selectTilePeerIds } from '../../../room/room-selectors';
import { Icon } from '../../../ui/Icon';
import { useRoomClient, useRoomState, useRoomUi } from '../hooks';
import { ConfirmDialog } from './ConfirmDialog';

type Confirmation = { kind: 'remove'; peerId: string; name: string } | { kind: 'end' };

function ParticipantRow({
  peerId,
  canManage,
  onRemove,
}: {
  peerId: string;
  canManage: boolean;
  onRemove: (name: string) => void;
}) {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const peer = useRoomState(selectPeer(peerId));
  const isSelf = useRoomState((s) => s.self?.peerId === peerId);
  if (!peer) return null;
  const name = isSelf ? t('tile.you', { name: peer.displayName }) : peer.displayName;

  return (
    <li className="participant-row" data-testid="participant-row" data-peer-id={peerId} data-muted={peer.state.isMuted}>
      <span className="participant-row__name">
        {name}
        {peer.role === 'host' ? <span className="host-badge">{t('tile.host')}</span> : null}
      </span>
      <span className="participant-row__state">
        {peer.state.isHandRaised ? (
          <span title={t('tile.handRaised')}>
            <Icon name="hand" size={16} />
            <span className="visually-hidden">{t('tile.handRaised')}</span>
          </span>
        ) : null}
        <span title={peer.state.isMuted ? t('tile.muted') : undefined}>
          <Icon name={peer.state.isMuted ? 'micOff' : 'mic'} size={16} />
          {peer.state.isMuted ? <span className="visually-hidden">{t('tile.muted')}</span> : null}
        </span>
        <span title={peer.state.isCameraOff ? t('tile.cameraOff') : undefined}>
          <Icon name={peer.state.isCameraOff ? 'videoOff' : 'video'} size={16} />
          {peer.state.isCameraOff ? <span className="visually-hidden">{t('tile.cameraOff')}</span> : null}
        </span>
      </span>
      {canManage && !isSelf ? (
        <span className="participant-row__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => void controller.muteParticipant(peerId)}
            disabled={peer.state.isMuted}
            data-testid="host-mute"
          >
            {t('participants.mute')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => onRemove(peer.displayName)}
            data-testid="host-remove"
          >
            {t('participants.remove')}
          </button>
        </span>
      ) : null}
    </li>
  );
}

/** Who is here, and for the host: mute, remove, lock, end for all (the last two asked twice). */
export function ParticipantsPanel() {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const ui = useRoomUi();
  const peerIds = useRoomState(useShallow(selectTilePeerIds));
  const isHost = useRoomState(selectIsHost);
  const isLocked = useRoomState((s) => s.isLocked);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const titleId = useId();
  const cancel = useCallback(() => setConfirmation(null), []);

  const confirm = () => {
    if (confirmation?.kind === 'remove') void controller.removeParticipant(confirmation.peerId);
    if (confirmation?.kind === 'end') void controller.endMeeting();
    setConfirmation(null);
  };

  return (
    <aside className="room-panel" aria-labelledby={titleId} data-testid="participants-panel">
      <header className="room-panel__header">
        <h2 id={titleId}>{t('participants.title', { count: peerIds.length })}</h2>
        <button
          type="button"
          className="button button--ghost button--icon"
          onClick={() => ui.togglePanel('participants')}
          aria-label={t('participants.close')}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      <ul className="participant-list">
        {peerIds.map((peerId) => (
          <ParticipantRow
            key={peerId}
            peerId={peerId}
            canManage={isHost}
            onRemove={(name) => setConfirmation({ kind: 'remove', peerId, name })}
          />
        ))}
      </ul>
      {isHost ? (
        <footer className="room-panel__footer" aria-label={t('participants.hostControls')}>
          <button
            type="button"
            className="button"
            aria-pressed={isLocked}
            onClick={() => void controller.lockMeeting(!isLocked)}
            data-testid="lock-meeting"
            data-locked={isLocked}
          >
            <Icon name={isLocked ? 'lock' : 'unlock'} size={18} />
            {isLocked ? t('participants.unlock') : t('participants.lock')}
          </button>
          {isLocked ? <p className="room-panel__hint">{t('participants.lockedHint')}</p> : null}
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirmation({ kind: 'end' })}
            data-testid="end-meeting"
          >
            {t('participants.endForAll')}
          </button>
        </footer>
      ) : null}
      {confirmation ? (
        <ConfirmDialog
          title={
            confirmation.kind === 'remove'
              ? t('participants.confirmRemoveTitle', { name: confirmation.name })
              : t('participants.confirmEndTitle')
          }
          body={confirmation.kind === 'remove' ? t('participants.confirmRemoveBody') : t('participants.confirmEndBody')}
          confirmLabel={confirmation.kind === 'remove' ? t('participants.remove') : t('participants.endForAll')}
          onConfirm={confirm}
          onCancel={cancel}
        />
      ) : null}
    </aside>
  );
}
