import { OpusTapDecoder } from '../audio/opus-decoder';
import { Decimator48To16 } from '../audio/resample';
import { encodeOpus } from './opus-packets';

/**
 * 48 kHz mono audio the way a live tap hears it: encoded by libopus (VoIP, as
 * a browser sends a microphone), decoded by the tap's decoder and brought to
 * 16 kHz by its decimator. For measuring analyses on the product's own path.
 */
export async function throughOpus(pcm48k: Float32Array): Promise<Float32Array> {
  const decoder = await OpusTapDecoder.create();
  const decimator = new Decimator48To16();
  const parts: Float32Array[] = [];
  try {
    for (const packet of encodeOpus(pcm48k))
      parts.push(decimator.process(decoder.decode(packet.payload, packet.timestamp).pcm));
  } finally {
    decoder.close();
  }
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
