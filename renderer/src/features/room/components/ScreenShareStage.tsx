import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPeer, selectVideoConsumerId } from '../../../room/room-selectors';
import { useLocalTrack, useRoomState, useTileVisibility, useTrack } from '../hooks';
import { TileVideo } from './TileVideo';

/** A shared screen, shown large and whole (never cropped). */
export function ScreenShareStage({ peerId }: { peerId: string }) {
  const { t } = useTranslation('room');
  const peer = useRoomState(selectPeer(peerId));
  const isSelf = useRoomState((s) => s.self?.peerId === peerId);
  const consumerId = useRoomState(selectVideoConsumerId(peerId, 'screen'));
  const remoteTrack = useTrack(isSelf ? null : consumerId);
  const localTrack = useLocalTrack('screen');
  const track = isSelf ? localTrack : remoteTrack;
  const [element, setElement] = useState<HTMLElement | null>(null);
  useTileVisibility(element, isSelf ? null : peerId, 'screen');
  const caption = isSelf ? t('tile.yourScreen') : t('tile.screenOf', { name: peer?.displayName ?? '' });

  return (
    <figure ref={setElement} className="screen-stage" data-testid="screen-share" data-peer-id={peerId}>
      {track ? <TileVideo track={track} fit="contain" testId="screen-video" /> : null}
      <figcaption className="screen-stage__caption">{caption}</figcaption>
    </figure>
  );
}
