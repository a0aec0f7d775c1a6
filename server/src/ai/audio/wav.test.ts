import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { librivoxClips } from '../testing/audio-fixtures';
import { float32ToInt16, int16ToFloat32 } from './pcm';
import { WavFormatError, decodeWav } from './wav';

type Header = {
  code?: number;
  channels?: number;
  sampleRate?: number;
  bits?: number;
  blockAlign?: number;
  byteRate?: number;
  /** What the data chunk's size field says (defaults to the real length). */
  dataSize?: number;
};

/** A WAV file built by hand, so each test can break exactly one field. */
function wav(data: Uint8Array, header: Header = {}, extraChunks: Uint8Array[] = []): Uint8Array {
  const channels = header.channels ?? 1;
  const sampleRate = header.sampleRate ?? 16_000;
  const bits = header.bits ?? 16;
  const blockAlign = header.blockAlign ?? (channels * bits) / 8;
  const fmt = new DataView(new ArrayBuffer(24));
  setFourCc(fmt, 0, 'fmt ');
  fmt.setUint32(4, 16, true);
  fmt.setUint16(8, header.code ?? 1, true);
  fmt.setUint16(10, channels, true);
  fmt.setUint32(12, sampleRate, true);
  fmt.setUint32(16, header.byteRate ?? sampleRate * blockAlign, true);
  fmt.setUint16(20, blockAlign, true);
  fmt.setUint16(22, bits, true);
  const dataHead = new DataView(new ArrayBuffer(8));
  setFourCc(dataHead, 0, 'data');
  dataHead.setUint32(4, header.dataSize ?? data.byteLength, true);
  const parts = [new Uint8Array(fmt.buffer), ...extraChunks, new Uint8Array(dataHead.buffer), data];
  const riff = new DataView(new ArrayBuffer(12));
  setFourCc(riff, 0, 'RIFF');
  riff.setUint32(4, 4 + parts.reduce((sum, part) => sum + part.byteLength, 0), true);
  setFourCc(riff, 8, 'WAVE');
  return concat([new Uint8Array(riff.buffer), ...parts]);
}

function chunk(id: string, body: Uint8Array): Uint8Array {
  const head = new DataView(new ArrayBuffer(8));
  setFourCc(head, 0, id);
  head.setUint32(4, body.byteLength, true);
  return concat([new Uint8Array(head.buffer), body, new Uint8Array(body.byteLength % 2)]);
}

function setFourCc(view: DataView, at: number, text: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(at + i, text.charCodeAt(i));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const pcm16 = (values: number[]) => new Uint8Array(Int16Array.from(values).buffer);
const float32 = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

describe('decodeWav', () => {
  it('reads 16-bit PCM as floats in [-1, 1]', () => {
    const audio = decodeWav(wav(pcm16([0, 16384, -32768, 32767])));
    expect(audio.sampleRate).toBe(16_000);
    expect(audio.channels).toBe(1);
    expect(Array.from(audio.samples)).toEqual([0, 0.5, -1, 32767 / 32768]);
  });

  it('reads 32-bit float, interleaved stereo, and skips chunks it does not know (odd sizes padded)', () => {
    const audio = decodeWav(
      wav(float32([0.25, -0.5, 1, -1]), { code: 3, bits: 32, channels: 2, sampleRate: 48_000 }, [
        chunk('LIST', new Uint8Array(3)),
      ]),
    );
    expect(audio).toMatchObject({ sampleRate: 48_000, channels: 2 });
    expect(Array.from(audio.samples)).toEqual([0.25, -0.5, 1, -1]);
  });

  it('reads a LibriVox fixture made by sox with the length the header gives', () => {
    const [clip] = librivoxClips();
    const bytes = readFileSync(clip!.path16k);
    const audio = decodeWav(bytes);
    expect(audio).toMatchObject({ sampleRate: 16_000, channels: 1 });
    expect(audio.samples.length).toBe((bytes.byteLength - 44) / 2);
    expect(Math.max(...audio.samples.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('round-trips 16-bit samples through the float conversion', () => {
    const original = Int16Array.from([-32768, -1, 0, 1, 12345, 32767]);
    expect(Array.from(float32ToInt16(int16ToFloat32(original)))).toEqual(Array.from(original));
    expect(Array.from(float32ToInt16(Float32Array.from([2, -2])))).toEqual([32767, -32768]);
  });

  const bad: Array<[string, Uint8Array, RegExp]> = [
    ['a file too short for a header', new Uint8Array([0x52, 0x49]), /Not a WAV file/],
    ['an MP3', concat([new TextEncoder().encode('ID3\x04'), new Uint8Array(64)]), /Not a WAV file/],
    [
      'compressed audio (A-law)',
      wav(new Uint8Array(8), { code: 6, bits: 8 }),
      /Unsupported WAV encoding \(format code 6\)/,
    ],
    ['24-bit PCM', wav(new Uint8Array(6), { bits: 24 }), /24-bit pcm; send 16-bit PCM or 32-bit float/],
    [
      'a data chunk longer than the file',
      wav(pcm16([1, 2]), { dataSize: 1_000_000 }),
      /announces 1000000 bytes of audio but only 4 follow/,
    ],
    ['data cut mid-sample', wav(new Uint8Array(3)), /ends in the middle of a sample/],
    ['zero channels', wav(pcm16([1]), { channels: 0, blockAlign: 2 }), /0 channels/],
    [
      'a sample rate of 4 GHz',
      wav(pcm16([1]), { sampleRate: 4_000_000_000, byteRate: 0 }),
      /4000000000 Hz is not plausible/,
    ],
    [
      'a block size that contradicts the format',
      wav(pcm16([1, 2]), { blockAlign: 4 }),
      /block size and byte rate contradict/,
    ],
    [
      'a byte rate that contradicts the format',
      wav(pcm16([1, 2]), { byteRate: 7 }),
      /block size and byte rate contradict/,
    ],
    [
      'a float sample that is not a number',
      wav(float32([0, Number.NaN]), { code: 3, bits: 32 }),
      /not a finite number/,
    ],
    ['no data chunk', wav(pcm16([1])).slice(0, 36), /no audio data chunk/],
  ];
  it.each(bad)('rejects %s with a clear message', (_name, bytes, message) => {
    expect(() => decodeWav(bytes)).toThrow(WavFormatError);
    expect(() => decodeWav(bytes)).toThrow(message);
  });
});
