import { OpusTapDecoder } from '../../server/src/ai/audio/opus-decoder';
import { Decimator48To16 } from '../../server/src/ai/audio/resample';
import { readWav } from '../../server/src/ai/testing/audio-fixtures';
import { encodeOpus } from '../../server/src/ai/testing/opus-packets';
import type { BenchClip } from '../lib/speech';

/**
 * A clip as the server hears it from a browser that does no voice
 * processing: its 48 kHz recording encoded with libopus as a browser would
 * (VoIP, 32 kbit/s, 20 ms), then decoded and brought to 16 kHz by the
 * server's own tap code. Cut to the 16 kHz clip's length (the 48 kHz file
 * adds a pause for the fake microphone's loop).
 */
export async function throughOpus(clip: BenchClip): Promise<Float32Array> {
  const decoder = await OpusTapDecoder.create();
  const decimator = new Decimator48To16();
  const out = new Float32Array(clip.audio.length);
  let at = 0;
  try {
    for (const packet of encodeOpus(readWav(clip.path48k).samples)) {
      const pcm = decimator.process(decoder.decode(packet.payload, packet.timestamp).pcm);
      out.set(pcm.subarray(0, out.length - at), at);
      at = Math.min(out.length, at + pcm.length);
    }
  } finally {
    decoder.close();
  }
  return out;
}
