import { useEffect, useRef } from 'react';
import { useRoomClient } from '../hooks';

interface TileVideoProps {
  track: MediaStreamTrack;
  /** Remote webcam video: the tile's size is reported so the SFU sends a layer that fits. */
  consumerId?: string | null;
  isMirrored?: boolean;
  fit?: 'cover' | 'contain';
  testId?: string;
}

/** A muted <video> for one track; sound plays through RemoteAudio, never through tiles. */
export function TileVideo({
  track,
  consumerId = null,
  isMirrored = false,
  fit = 'cover',
  testId = 'tile-video',
}: TileVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  const controller = useRoomClient();

  useEffect(() => {
    const video = ref.current;
    // jsdom (tests) has no MediaStream; browsers always do.
    if (!video || typeof MediaStream === 'undefined') return;
    video.srcObject = new MediaStream([track]);
    video.play().catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [track]);

  useEffect(() => {
    const video = ref.current;
    if (!video || !consumerId || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) controller.setTileSize(consumerId, entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(video);
    return () => observer.disconnect();
  }, [consumerId, controller]);

  return (
    <video
      ref={ref}
      className={`tile-video tile-video--${fit}${isMirrored ? ' tile-video--mirrored' : ''}`}
      autoPlay
      playsInline
      muted
      data-testid={testId}
      data-track-id={track.id}
      data-mirrored={isMirrored}
    />
  );
}
