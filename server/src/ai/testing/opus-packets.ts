import OpusScript from 'opusscript';
import { float32ToInt16 } from '../audio/pcm';

/** 20 ms at 48 kHz: what a browser puts in one Opus packet. */
export const OPUS_FRAME_SAMPLES = 960;

export type OpusPacket = { payload: Uint8Array; timestamp: number };

/**
 * Real Opus packets the way a browser makes them, for tests and benchmarks:
 * libopus (npm `opusscript`, a dev dependency) in VoIP mode at 32 kbit/s,
 * 20 ms frames, over 48 kHz audio (a last partial frame is dropped). RTP
 * timestamps start at `firstTimestamp` and count 48 kHz samples.
 */
export function encodeOpus(pcm48k: Float32Array, channels: 1 | 2 = 1, firstTimestamp = 5000): OpusPacket[] {
  const encoder = new OpusScript(48_000, channels, OpusScript.Application.VOIP);
  encoder.setBitrate(32_000);
  const interleaved = float32ToInt16(
    channels === 1 ? pcm48k : Float32Array.from({ length: pcm48k.length * 2 }, (_, i) => pcm48k[i >> 1]!),
  );
  const packets: OpusPacket[] = [];
  const step = OPUS_FRAME_SAMPLES * channels;
  for (let offset = 0; offset + step <= interleaved.length; offset += step) {
    const frame = interleaved.subarray(offset, offset + step);
    // opusscript takes the little-endian bytes of the 16-bit samples.
    const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    packets.push({
      payload: new Uint8Array(encoder.encode(bytes, OPUS_FRAME_SAMPLES)),
      timestamp: (firstTimestamp + offset / channels) >>> 0,
    });
  }
  encoder.delete();
  return packets;
}
