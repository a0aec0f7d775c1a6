import dgram from 'node:dgram';
import OpusScript from 'opusscript';
import type { types as ms } from 'mediasoup';
import { float32ToInt16 } from '../../src/ai/audio/pcm';
import { readWav, type SpeechClip } from '../../src/ai/testing/audio-fixtures';
import type { ProducerAppData } from '../../src/media/MediaPeer';
import type { Room } from '../../src/media/Room';

const FRAME_SAMPLES = 960; // 20 ms at 48 kHz
const PAYLOAD_TYPE = 111;

export type Speaker = { peerId: string; userId: number; displayName: string; ssrc: number };

export type SpeakingProducer = {
  producer: ms.Producer<ProducerAppData>;
  /** Sends a clip into the producer, as its microphone would, at real-time pace. */
  speak(clip: SpeechClip): Promise<void>;
};

/**
 * A microphone producer in a real room, fed by plain RTP instead of WebRTC:
 * a PlainTransport producer announced to the room the way `Room.produce`
 * announces one (so the audio seam sees it), whose RTP is a clip encoded by
 * libopus (VoIP, 20 ms frames).
 */
export async function speakingProducer(room: Room, speaker: Speaker): Promise<SpeakingProducer> {
  const transport = await room.router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
    rtcpMux: true,
    comedia: true,
  });
  const producer = await transport.produce<ProducerAppData>({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: PAYLOAD_TYPE, clockRate: 48000, channels: 2, parameters: {} }],
      encodings: [{ ssrc: speaker.ssrc }],
    },
    appData: { peerId: speaker.peerId, source: 'mic', userId: speaker.userId, displayName: speaker.displayName },
  });
  producer.observer.once('close', () => transport.close());
  room.emit('producerCreated', producer);
  const port = transport.tuple.localPort;
  return { producer, speak: (clip) => sendClip(port, speaker.ssrc, clip) };
}

async function sendClip(port: number, ssrc: number, clip: SpeechClip): Promise<void> {
  const { samples } = readWav(clip.path48k);
  const encoder = new OpusScript(48_000, 1, OpusScript.Application.VOIP);
  const socket = dgram.createSocket('udp4');
  const started = performance.now();
  try {
    for (let frame = 0; (frame + 1) * FRAME_SAMPLES <= samples.length; frame += 1) {
      const pcm = float32ToInt16(samples.subarray(frame * FRAME_SAMPLES, (frame + 1) * FRAME_SAMPLES));
      const payload = encoder.encode(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength), FRAME_SAMPLES);
      const header = Buffer.alloc(12);
      header.writeUInt8(0x80, 0);
      header.writeUInt8(PAYLOAD_TYPE, 1);
      header.writeUInt16BE(frame & 0xffff, 2);
      header.writeUInt32BE((frame * FRAME_SAMPLES) >>> 0, 4);
      header.writeUInt32BE(ssrc, 8);
      socket.send(Buffer.concat([header, Buffer.from(payload)]), port, '127.0.0.1');
      const due = started + (frame + 1) * 20;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
  } finally {
    encoder.delete();
    socket.close();
  }
}
