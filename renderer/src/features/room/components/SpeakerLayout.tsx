import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectTilePeerIds } from '../../../room/room-selectors';
import { useRoomState } from '../hooks';
import { ParticipantTile } from './ParticipantTile';
import { ScreenShareStage } from './ScreenShareStage';

/**
 * One large view and a filmstrip of everyone else. The large view is a shared
 * screen when there is one, else the active speaker (or the first other person).
 */
export function SpeakerLayout({ screenPeerId }: { screenPeerId: string | null }) {
  const { t } = useTranslation('room');
  const peerIds = useRoomState(useShallow(selectTilePeerIds));
  const selfId = useRoomState((s) => s.self?.peerId ?? null);
  const activeSpeakerId = useRoomState((s) => s.activeSpeakerId);
  const featuredId = screenPeerId
    ? null
    : ((activeSpeakerId && peerIds.includes(activeSpeakerId) ? activeSpeakerId : null) ??
      peerIds.find((id) => id !== selfId) ??
      selfId);
  const filmstrip = peerIds.filter((id) => id !== featuredId);

  return (
    <section className="speaker-layout" data-testid="speaker-layout">
      <div className="speaker-layout__stage">
        {screenPeerId ? <ScreenShareStage peerId={screenPeerId} /> : null}
        {featuredId ? <ParticipantTile peerId={featuredId} size="stage" /> : null}
      </div>
      {filmstrip.length ? (
        <div className="speaker-layout__filmstrip" role="list" aria-label={t('grid.filmstrip')}>
          {filmstrip.map((peerId) => (
            <div role="listitem" key={peerId}>
              <ParticipantTile peerId={peerId} size="filmstrip" />
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
