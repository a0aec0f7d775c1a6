import { useTranslation } from 'react-i18next';
import type { CloseReason } from '../../../room/room-store';
import { useRoomClient, useRoomState } from '../hooks';
import { failureText } from './failure-text';

interface RoomStatusViewProps {
  onExit: () => void;
  onReturnToLobby: () => void;
}

/** Coming back is possible only from our own leave or another window; the others are final. */
const CAN_REJOIN: ReadonlySet<CloseReason> = new Set(['left', 'replaced']);

/** What replaces the room when there is no room: the join failed, or the meeting is over for us. */
export function RoomStatusView({ onExit, onReturnToLobby }: RoomStatusViewProps) {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const connectionState = useRoomState((s) => s.connectionState);
  const failure = useRoomState((s) => s.failure);
  const closeReason = useRoomState((s) => s.closeReason);
  const closeMessage = useRoomState((s) => s.closeMessage);

  if (connectionState === 'failed' && failure) {
    return (
      <section className="card room-status" role="alert" data-testid="room-failed" data-code={failure.code}>
        <h1>{t(`failure.${failure.phase}`)}</h1>
        <p>{failureText(t, failure.code)}</p>
        <div className="room-status__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void controller.join()}
            data-testid="rejoin-button"
          >
            {t('failure.retry')}
          </button>
          <button type="button" className="button" onClick={onReturnToLobby} data-testid="back-to-lobby">
            {t('failure.toLobby')}
          </button>
        </div>
      </section>
    );
  }

  const reason = closeReason ?? 'left';
  return (
    <section className="card room-status" role="status" data-testid="room-ended" data-reason={reason}>
      <h1>{t(`ended.${reason}`)}</h1>
      {closeMessage ? <p data-testid="room-ended-message">{closeMessage}</p> : null}
      <div className="room-status__actions">
        <button type="button" className="button button--primary" onClick={onExit} data-testid="back-to-meetings">
          {t('ended.back')}
        </button>
        {CAN_REJOIN.has(reason) ? (
          <button type="button" className="button" onClick={onReturnToLobby} data-testid="rejoin-from-lobby">
            {t('ended.rejoin')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
