import { beforeAll, describe, expect, it } from 'vitest';
import { librivoxClips, readWav } from '../testing/audio-fixtures';
import { encodeOpus, OPUS_FRAME_SAMPLES as FRAME, type OpusPacket } from '../testing/opus-packets';
import { OPUS_RTP_CLOCK_RATE, OpusTapDecoder } from './opus-decoder';
import { Decimator48To16 } from './resample';
import { RtpDepacketizer } from './rtp-depacketizer';

/** Opus' own delay (the encoder's 6.5 ms look-ahead) at 16 kHz, plus the decimator's. */
const EXPECTED_DELAY_16K = (OPUS_RTP_CLOCK_RATE * 0.0065) / 3 + Decimator48To16.delaySamples;

function joined(chunks: Float32Array[]): Float32Array {
  const out = new Float32Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Best normalized cross-correlation of `y` against `x` for lags 0..maxLag, and that lag. */
function bestCorrelation(x: Float32Array, y: Float32Array, maxLag = 400): { r: number; lag: number } {
  let best = { r: -1, lag: 0 };
  const n = Math.min(x.length, y.length) - maxLag;
  for (let lag = 0; lag <= maxLag; lag++) {
    let xy = 0;
    let xx = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      xy += x[i]! * y[i + lag]!;
      xx += x[i]! ** 2;
      yy += y[i + lag]! ** 2;
    }
    const r = xy / Math.sqrt(xx * yy);
    if (r > best.r) best = { r, lag };
  }
  return best;
}

/** Level in dB of each 20 ms frame (320 samples at 16 kHz). */
function envelope(pcm: Float32Array): number[] {
  const levels: number[] = [];
  for (let offset = 0; offset + 320 <= pcm.length; offset += 320) {
    let sum = 0;
    for (let i = offset; i < offset + 320; i++) sum += pcm[i]! ** 2;
    levels.push(10 * Math.log10(sum / 320 + 1e-10));
  }
  return levels;
}

function pearson(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (v: number[]) => v.slice(0, n).reduce((s, x) => s + x, 0) / n;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

const rms = (pcm: Float32Array) => Math.sqrt(pcm.reduce((sum, v) => sum + v * v, 0) / Math.max(1, pcm.length));

let speech16k: Float32Array;
let speech48k: Float32Array;
let packets: OpusPacket[];

beforeAll(() => {
  const clip = librivoxClips().find((c) => c.name.includes('0870'));
  if (!clip) throw new Error('LibriVox clip 0870 missing');
  speech16k = readWav(clip.path16k).samples;
  const wav48 = readWav(clip.path48k);
  expect(wav48.sampleRate).toBe(48_000);
  speech48k = wav48.samples;
  packets = encodeOpus(speech48k);
});

async function decodeAll(input: OpusPacket[], options?: Parameters<typeof OpusTapDecoder.create>[0]) {
  const decoder = await OpusTapDecoder.create(options);
  const chunks = input.map((p) => decoder.decode(p.payload, p.timestamp));
  decoder.close();
  return { decoder, chunks, pcm: joined(chunks.map((c) => c.pcm)) };
}

describe('OpusTapDecoder on real Opus packets of real speech', () => {
  it('decodes to 48 kHz audio that, brought to 16 kHz, is the original speech', async () => {
    const { pcm, decoder } = await decodeAll(packets);
    expect(pcm.length).toBe(packets.length * FRAME);
    expect(decoder.stats).toMatchObject({ packets: packets.length, corruptPackets: 0, concealedSamples: 0 });

    const at16k = new Decimator48To16().process(pcm);
    const { r, lag } = bestCorrelation(speech16k, at16k);
    // SILK at 32 kbit/s keeps the waveform only roughly (measured 0.85); the level contour closely.
    expect(r).toBeGreaterThan(0.75);
    expect(Math.abs(lag - EXPECTED_DELAY_16K)).toBeLessThanOrEqual(3);
    expect(pearson(envelope(speech16k), envelope(at16k.subarray(lag)))).toBeGreaterThan(0.95);
  });

  it('conceals lost packets so the audio keeps its length and the speech goes on', async () => {
    const lost = new Set([100, 101, 102]); // 60 ms in the middle of a sentence
    const { pcm, chunks, decoder } = await decodeAll(packets.filter((_, i) => !lost.has(i)));
    expect(pcm.length).toBe(packets.length * FRAME);
    expect(decoder.stats.concealedSamples).toBe(3 * FRAME);
    expect(chunks[100]!.concealedSamples).toBe(3 * FRAME);

    const gap = pcm.subarray(100 * FRAME, 103 * FRAME);
    const { pcm: clean } = await decodeAll(packets);
    const sameStretch = clean.subarray(100 * FRAME, 103 * FRAME);
    // Not silence: libopus extrapolates the voice (fading), at a level near what was lost.
    expect(rms(gap)).toBeGreaterThan(rms(sameStretch) * 0.1);
    expect(bestCorrelation(speech16k, new Decimator48To16().process(pcm)).r).toBeGreaterThan(0.7);
  });

  it('fills a stretch without packets (DTX) and keeps time with the RTP clock', async () => {
    const withoutMiddle = [...packets.slice(0, 50), ...packets.slice(70)]; // 400 ms with no packet at all
    const { pcm, decoder } = await decodeAll(withoutMiddle);
    expect(pcm.length).toBe(packets.length * FRAME);
    expect(decoder.stats.concealedSamples).toBe(20 * FRAME);
  });

  it('does not fill a gap longer than maxConcealMs; it reports it as skipped', async () => {
    const paused = [
      ...packets.slice(0, 50),
      ...packets.slice(50).map((p) => ({ ...p, timestamp: p.timestamp + 5 * 48_000 })),
    ];
    const { pcm, decoder, chunks } = await decodeAll(paused, { maxConcealMs: 1000 });
    expect(pcm.length).toBe(packets.length * FRAME);
    expect(chunks[50]).toMatchObject({ skippedSamples: 5 * 48_000, concealedSamples: 0 });
    expect(decoder.stats.skippedSamples).toBe(5 * 48_000);
  });

  it('follows the 32-bit RTP timestamp across its wrap', async () => {
    const wrapped = packets
      .slice(0, 40)
      .map((p, i) => ({ ...p, timestamp: (0xffffffff - 10 * FRAME + i * FRAME) >>> 0 }));
    wrapped.splice(15, 2); // lose two packets right after the wrap
    const { pcm, decoder } = await decodeAll(wrapped);
    expect(pcm.length).toBe(40 * FRAME);
    expect(decoder.stats).toMatchObject({ concealedSamples: 2 * FRAME, skippedSamples: 0 });
  });

  it('decodes stereo packets (a browser may send them) to mono', async () => {
    const { pcm } = await decodeAll(encodeOpus(speech48k, 2));
    expect(pcm.length).toBe(packets.length * FRAME);
    expect(bestCorrelation(speech16k, new Decimator48To16().process(pcm)).r).toBeGreaterThan(0.75);
  });

  it('counts corrupt payloads without throwing, and conceals them from the next packet on', async () => {
    const broken: OpusPacket[] = [
      ...packets.slice(0, 10),
      { payload: new Uint8Array([0x03, 0x00]), timestamp: packets[10]!.timestamp }, // code 3 packet with no frames
      { payload: new Uint8Array(0), timestamp: packets[11]!.timestamp },
      { payload: new Uint8Array(5000), timestamp: packets[12]!.timestamp },
      ...packets.slice(13, 20),
    ];
    const { pcm, decoder } = await decodeAll(broken);
    expect(decoder.stats.corruptPackets).toBe(3);
    expect(decoder.stats.concealedSamples).toBe(3 * FRAME);
    expect(pcm.length).toBe(20 * FRAME);
  });

  it('works behind the depacketizer: datagrams out of order, duplicated and lost still give the speech', async () => {
    // Each datagram is late by up to 40 ms (so neighbours swap), one in 25 is lost, one in 30 comes twice.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sent = packets.flatMap((packet, i) => {
      if (i % 25 === 12) return [];
      const header = Buffer.alloc(12);
      header[0] = 0x80;
      header[1] = 100;
      header.writeUInt16BE((65_000 + i) & 0xffff, 2); // crosses the sequence wrap
      header.writeUInt32BE(packet.timestamp, 4);
      header.writeUInt32BE(0xcafe, 8);
      const datagram = Buffer.concat([header, packet.payload]);
      const arrival = i * 20 + random() * 40;
      return i % 30 === 0
        ? [
            { datagram, arrival },
            { datagram, arrival: arrival + 5 },
          ]
        : [{ datagram, arrival }];
    });
    sent.sort((a, b) => a.arrival - b.arrival);

    const clock = { now: 0 };
    const depacketizer = new RtpDepacketizer({ now: () => clock.now });
    const decoder = await OpusTapDecoder.create();
    const chunks: Float32Array[] = [];
    const take = (events: ReturnType<RtpDepacketizer['push']>) => {
      for (const event of events)
        if (event.type === 'payload') chunks.push(decoder.decode(event.payload, event.timestamp).pcm);
    };
    for (const { datagram, arrival } of sent) {
      const deadline = depacketizer.nextDeadline();
      if (deadline !== null && deadline <= arrival) {
        clock.now = deadline;
        take(depacketizer.poll());
      }
      clock.now = arrival;
      take(depacketizer.push(datagram));
    }
    take(depacketizer.flush());
    decoder.close();

    const lostCount = packets.filter((_, i) => i % 25 === 12).length;
    expect(depacketizer.stats).toMatchObject({ lost: lostCount, late: 0, malformed: 0 });
    expect(depacketizer.stats.duplicates).toBeGreaterThan(0);
    const pcm = joined(chunks);
    expect(pcm.length).toBe(packets.length * FRAME);
    expect(decoder.stats.concealedSamples).toBe(lostCount * FRAME);
    expect(bestCorrelation(speech16k, new Decimator48To16().process(pcm)).r).toBeGreaterThan(0.7);
  });
});
