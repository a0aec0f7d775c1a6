import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectAudioConsumerIds } from '../../../room/room-selectors';
import { useRoomState, useTrack } from '../hooks';

type AudioWithSink = HTMLAudioElement & { setSinkId?: (sinkId: string) => Promise<void> };

function PeerAudio({ consumerId, speakerId }: { consumerId: string; speakerId: string | null }) {
  const ref = useRef<AudioWithSink>(null);
  const track = useTrack(consumerId);

  useEffect(() => {
    const audio = ref.current;
    if (!audio || !track || typeof MediaStream === 'undefined') return;
    audio.srcObject = new MediaStream([track]);
    audio.play().catch(() => undefined);
    return () => {
      audio.srcObject = null;
    };
  }, [track]);

  useEffect(() => {
    // The speaker chosen in settings; browsers without setSinkId play on the default one.
    if (speakerId) ref.current?.setSinkId?.(speakerId).catch(() => undefined);
  }, [speakerId]);

  return <audio ref={ref} autoPlay data-testid="remote-audio" data-consumer-id={consumerId} />;
}

/** Everyone's voice, one hidden <audio> per audio consumer, independent of which tiles are on screen. */
export function RemoteAudio({ speakerId }: { speakerId: string | null }) {
  const consumerIds = useRoomState(useShallow(selectAudioConsumerIds));
  return (
    <div hidden>
      {consumerIds.map((consumerId) => (
        <PeerAudio key={consumerId} consumerId={consumerId} speakerId={speakerId} />
      ))}
    </div>
  );
}
