import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPeer, selectVideoConsumerId } from '../../../room/room-selectors';
import { Icon } from '../../../ui/Icon';
import { TileAnalysis } from '../../analysis';
import { useLocalTrack, useRoomState, useTileVisibility, useTrack } from '../hooks';
import { QualityIndicator } from './QualityIndicator';
import { TileVideo } from './TileVideo';

interface ParticipantTileProps {
  peerId: string;
  size?: 'grid' | 'stage' | 'filmstrip';
}

function initialsOf(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? '?';
}

/** One person: their camera (mirrored when it is us), or their initial when the camera is off. */
export function ParticipantTile({ peerId, size = 'grid' }: ParticipantTileProps) {
  const { t } = useTranslation('room');
  const peer = useRoomState(selectPeer(peerId));
  const isSelf = useRoomState((s) => s.self?.peerId === peerId);
  const isSpeaking = useRoomState((s) => s.activeSpeakerId === peerId);
  const consumerId = useRoomState(selectVideoConsumerId(peerId));
  const emotion = useRoomState((s) => s.speakerEmotions[peerId]);
  const synthesisAlert = useRoomState((s) => s.synthesisAlerts[peerId]);
  const remoteTrack = useTrack(isSelf ? null : consumerId);
  const localTrack = useLocalTrack('webcam');
  const track = isSelf ? localTrack : remoteTrack;
  const [element, setElement] = useState<HTMLElement | null>(null);
  useTileVisibility(element, isSelf ? null : peerId, 'webcam');
  if (!peer) return null;

  const isMuted = peer.state.isMuted;
  const isCameraOff = !track || (!isSelf && peer.state.isCameraOff);
  const name = isSelf ? t('tile.you', { name: peer.displayName }) : peer.displayName;
  const classes = ['participant-tile', `participant-tile--${size}`, isSpeaking ? 'participant-tile--speaking' : ''];

  return (
    <figure
      ref={setElement}
      className={classes.filter(Boolean).join(' ')}
      data-testid="participant-tile"
      data-peer-id={peerId}
      data-self={isSelf}
      data-muted={isMuted}
      data-camera-off={isCameraOff}
      data-speaking={isSpeaking}
      aria-label={name}
    >
      {track && !isCameraOff ? (
        <TileVideo track={track} consumerId={isSelf ? null : consumerId} isMirrored={isSelf} />
      ) : (
        <div className="participant-tile__avatar" aria-hidden="true">
          <span>{initialsOf(peer.displayName)}</span>
        </div>
      )}
      <TileAnalysis emotion={emotion} alert={synthesisAlert} />
      {peer.state.isHandRaised ? (
        <span className="participant-tile__hand" title={t('tile.handRaised')} data-testid="tile-hand">
          <Icon name="hand" size={18} />
          <span className="visually-hidden">{t('tile.handRaised')}</span>
        </span>
      ) : null}
      <figcaption className="participant-tile__label">
        {isMuted ? (
          <span className="participant-tile__muted" title={t('tile.muted')} data-testid="tile-muted">
            <Icon name="micOff" size={16} />
            <span className="visually-hidden">{t('tile.muted')}</span>
          </span>
        ) : null}
        {isCameraOff ? <span className="visually-hidden">{t('tile.cameraOff')}</span> : null}
        <span className="participant-tile__name">{name}</span>
        {peer.role === 'host' ? <span className="host-badge">{t('tile.host')}</span> : null}
        {isSpeaking ? <span className="visually-hidden">{t('tile.speaking')}</span> : null}
        <QualityIndicator peerId={peerId} />
      </figcaption>
    </figure>
  );
}
