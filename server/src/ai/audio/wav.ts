import { int16ToFloat32 } from './pcm';

/**
 * A RIFF/WAVE reader for uploaded audio and test fixtures: 16-bit PCM or
 * 32-bit IEEE float (also inside WAVE_FORMAT_EXTENSIBLE). It reads only what
 * the header promises and rejects, with a sentence a client can act on,
 * anything else: not RIFF, compressed formats, truncated chunks, and headers
 * whose numbers cannot describe real audio.
 */

export type WavAudio = {
  sampleRate: number;
  channels: number;
  /** Interleaved when there is more than one channel; in [-1, 1]. */
  samples: Float32Array;
};

export class WavFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavFormatError';
  }
}

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Wider than any real recording; a header outside these is damaged or hostile. */
const MIN_SAMPLE_RATE = 1000;
const MAX_SAMPLE_RATE = 384_000;
const MAX_CHANNELS = 8;

type Format = { code: number; channels: number; sampleRate: number; bitsPerSample: number; blockAlign: number };

export function decodeWav(bytes: Uint8Array): WavAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || fourCc(view, 0) !== 'RIFF' || fourCc(view, 8) !== 'WAVE') {
    throw new WavFormatError('Not a WAV file: it does not start with a RIFF/WAVE header.');
  }
  let format: Format | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = fourCc(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.byteLength)
        throw new WavFormatError('Truncated WAV file: the format chunk is cut short.');
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('Malformed WAV file: the audio data comes before its format chunk.');
      const available = bytes.byteLength - body;
      if (size > available) {
        throw new WavFormatError(
          `Truncated WAV file: the header announces ${size} bytes of audio but only ${available} follow.`,
        );
      }
      if (size % format.blockAlign !== 0)
        throw new WavFormatError('Truncated WAV file: the audio data ends in the middle of a sample.');
      return {
        sampleRate: format.sampleRate,
        channels: format.channels,
        samples: readSamples(bytes, body, size, format),
      };
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  throw new WavFormatError(
    format ? 'Malformed WAV file: it has no audio data chunk.' : 'Malformed WAV file: it has no format chunk.',
  );
}

function readFormat(view: DataView, at: number, size: number): Format {
  let code = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const byteRate = view.getUint32(at + 8, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (code === FORMAT_EXTENSIBLE) {
    // The real format code is the first two bytes of the sub-format GUID, 24 bytes into the extension.
    if (size < 40) throw new WavFormatError('Malformed WAV file: its extensible format chunk is too short.');
    code = view.getUint16(at + 24, true);
  }
  const kind = code === FORMAT_PCM ? 'pcm' : code === FORMAT_FLOAT ? 'float' : null;
  if (!kind) throw new WavFormatError(`Unsupported WAV encoding (format code ${code}): send uncompressed PCM.`);
  if (channels < 1 || channels > MAX_CHANNELS) {
    throw new WavFormatError(`Unsupported WAV file: ${channels} channels (1 to ${MAX_CHANNELS} are accepted).`);
  }
  if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw new WavFormatError(`Unsupported WAV file: a sample rate of ${sampleRate} Hz is not plausible audio.`);
  }
  if ((kind === 'pcm' && bitsPerSample !== 16) || (kind === 'float' && bitsPerSample !== 32)) {
    throw new WavFormatError(
      `Unsupported WAV sample format: ${bitsPerSample}-bit ${kind}; send 16-bit PCM or 32-bit float.`,
    );
  }
  const expectedAlign = (channels * bitsPerSample) / 8;
  if (blockAlign !== expectedAlign || byteRate !== sampleRate * blockAlign) {
    throw new WavFormatError(
      'Malformed WAV header: its block size and byte rate contradict its channels and sample format.',
    );
  }
  return { code, channels, sampleRate, bitsPerSample, blockAlign };
}

function readSamples(bytes: Uint8Array, at: number, size: number, format: Format): Float32Array {
  // Copied out first: typed-array views need aligned offsets, and the caller's buffer may be reused.
  const copy = bytes.slice(at, at + size);
  if (format.code === FORMAT_FLOAT) return littleEndianFloats(copy);
  return int16ToFloat32(littleEndianInt16(copy));
}

function littleEndianInt16(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int16Array(bytes.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

function littleEndianFloats(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) {
    const value = view.getFloat32(i * 4, true);
    if (!Number.isFinite(value)) throw new WavFormatError('Malformed WAV file: a float sample is not a finite number.');
    out[i] = value;
  }
  return out;
}

function fourCc(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}
