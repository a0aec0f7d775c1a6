import { describe, expect, it } from 'vitest';
import { type DepacketizerEvent, RtpDepacketizer, parseRtpPacket, sequenceDiff } from './rtp-depacketizer';

type PacketSpec = {
  seq: number;
  timestamp?: number;
  ssrc?: number;
  payloadType?: number;
  marker?: boolean;
  payload?: Buffer;
  csrcs?: number[];
  /** Header extension body, in 32-bit words. */
  extensionWords?: number;
  padding?: number;
};

/** Builds an RTP datagram by hand, the way a sender lays it out (RFC 3550 section 5). */
function rtp(spec: PacketSpec): Buffer {
  const csrcs = spec.csrcs ?? [];
  const payload = spec.payload ?? Buffer.from([spec.seq & 0xff, 0xaa, 0xbb]);
  const extension = spec.extensionWords === undefined ? Buffer.alloc(0) : Buffer.alloc(4 + 4 * spec.extensionWords, 7);
  if (spec.extensionWords !== undefined) {
    extension.writeUInt16BE(0xbede, 0);
    extension.writeUInt16BE(spec.extensionWords, 2);
  }
  const padding = spec.padding ? Buffer.alloc(spec.padding, 0) : Buffer.alloc(0);
  if (spec.padding) padding[spec.padding - 1] = spec.padding;
  const header = Buffer.alloc(12 + 4 * csrcs.length);
  header[0] = (2 << 6) | (spec.padding ? 0x20 : 0) | (spec.extensionWords !== undefined ? 0x10 : 0) | csrcs.length;
  header[1] = (spec.marker ? 0x80 : 0) | (spec.payloadType ?? 100);
  header.writeUInt16BE(spec.seq & 0xffff, 2);
  header.writeUInt32BE((spec.timestamp ?? spec.seq * 960) >>> 0, 4);
  header.writeUInt32BE(spec.ssrc ?? 0x1234, 8);
  csrcs.forEach((csrc, i) => header.writeUInt32BE(csrc, 12 + 4 * i));
  return Buffer.concat([header, extension, payload, padding]);
}

/** A depacketizer on a clock the test moves by hand. */
function setup(options: ConstructorParameters<typeof RtpDepacketizer>[0] = {}) {
  const clock = { now: 0 };
  const depacketizer = new RtpDepacketizer({ now: () => clock.now, ...options });
  return { clock, depacketizer };
}

function describeEvents(events: DepacketizerEvent[]): string[] {
  return events.map((e) => (e.type === 'payload' ? `p${e.sequenceNumber}` : `lost${e.firstSequenceNumber}x${e.count}`));
}

describe('parseRtpPacket', () => {
  it('reads the fixed header and strips CSRCs, the header extension and padding', () => {
    const payload = Buffer.from([1, 2, 3, 4, 5]);
    const parsed = parseRtpPacket(
      rtp({
        seq: 513,
        timestamp: 0xfffffff0,
        ssrc: 0xdeadbeef,
        payloadType: 111,
        marker: true,
        payload,
        csrcs: [9, 10],
        extensionWords: 2,
        padding: 3,
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      packet: { payloadType: 111, sequenceNumber: 513, timestamp: 0xfffffff0, ssrc: 0xdeadbeef, marker: true, payload },
    });
  });

  it('rejects what is not RTP without throwing', () => {
    const good = rtp({ seq: 1 });
    const wrongVersion = Buffer.from(good);
    wrongVersion[0] = (1 << 6) | (wrongVersion[0]! & 0x3f);
    const rtcp = Buffer.from(good);
    rtcp[1] = 200; // a sender report on a muxed socket
    const truncatedCsrc = rtp({ seq: 1, csrcs: [1, 2, 3], payload: Buffer.alloc(0) }).subarray(0, 16);
    const badExtension = rtp({ seq: 1, extensionWords: 1, payload: Buffer.alloc(0) });
    badExtension.writeUInt16BE(40, 14); // claims 40 words, has 1
    const badPadding = rtp({ seq: 1, padding: 2 });
    badPadding[badPadding.length - 1] = 200;

    expect(parseRtpPacket(Buffer.alloc(0))).toEqual({ ok: false, reason: 'too-short' });
    expect(parseRtpPacket(good.subarray(0, 11))).toEqual({ ok: false, reason: 'too-short' });
    expect(parseRtpPacket(wrongVersion)).toEqual({ ok: false, reason: 'bad-version' });
    expect(parseRtpPacket(rtcp)).toEqual({ ok: false, reason: 'rtcp' });
    expect(parseRtpPacket(truncatedCsrc)).toEqual({ ok: false, reason: 'too-short' });
    expect(parseRtpPacket(badExtension)).toEqual({ ok: false, reason: 'bad-header-extension' });
    expect(parseRtpPacket(badPadding)).toEqual({ ok: false, reason: 'bad-padding' });
  });
});

describe('sequenceDiff', () => {
  it('wraps at 16 bits', () => {
    expect(sequenceDiff(0, 65535)).toBe(1);
    expect(sequenceDiff(65535, 0)).toBe(-1);
    expect(sequenceDiff(10, 65530)).toBe(16);
    expect(sequenceDiff(100, 100)).toBe(0);
  });
});

describe('RtpDepacketizer', () => {
  it('emits packets that arrive in order at once, with their timestamps and payloads', () => {
    const { depacketizer } = setup();
    const events = [1, 2, 3].flatMap((seq) => depacketizer.push(rtp({ seq, timestamp: 1000 + seq * 960 })));
    expect(events).toEqual(
      [1, 2, 3].map((seq) => ({
        type: 'payload',
        sequenceNumber: seq,
        timestamp: 1000 + seq * 960,
        marker: false,
        payload: Buffer.from([seq, 0xaa, 0xbb]),
      })),
    );
    expect(depacketizer.nextDeadline()).toBeNull();
  });

  it('puts reordered packets back in order without waiting for the deadline', () => {
    const { depacketizer, clock } = setup();
    const order = [10, 12, 11, 14, 13, 15];
    const emitted = order.flatMap((seq) => {
      clock.now += 5;
      return describeEvents(depacketizer.push(rtp({ seq })));
    });
    expect(emitted).toEqual(['p10', 'p11', 'p12', 'p13', 'p14', 'p15']);
    expect(depacketizer.stats.lost).toBe(0);
  });

  it('holds packets behind a gap until the wait runs out, then reports the gap as lost', () => {
    const { depacketizer, clock } = setup({ maxWaitMs: 60 });
    expect(describeEvents(depacketizer.push(rtp({ seq: 1 })))).toEqual(['p1']);
    clock.now = 20;
    expect(depacketizer.push(rtp({ seq: 4 }))).toEqual([]);
    clock.now = 40;
    expect(depacketizer.push(rtp({ seq: 5 }))).toEqual([]);
    expect(depacketizer.nextDeadline()).toBe(80);
    clock.now = 79;
    expect(depacketizer.poll()).toEqual([]);
    clock.now = 80;
    expect(describeEvents(depacketizer.poll())).toEqual(['lost2x2', 'p4', 'p5']);
    expect(depacketizer.stats).toMatchObject({ received: 3, emitted: 3, lost: 2 });
    // One of the missing packets shows up after all: too late, dropped.
    expect(depacketizer.push(rtp({ seq: 3 }))).toEqual([]);
    expect(depacketizer.stats.late).toBe(1);
  });

  it('declares the gap lost at once when too many packets pile up behind it', () => {
    const { depacketizer } = setup({ maxHeldPackets: 3, maxWaitMs: 10_000 });
    depacketizer.push(rtp({ seq: 1 }));
    expect(depacketizer.push(rtp({ seq: 3 }))).toEqual([]);
    expect(depacketizer.push(rtp({ seq: 4 }))).toEqual([]);
    expect(depacketizer.push(rtp({ seq: 5 }))).toEqual([]);
    expect(describeEvents(depacketizer.push(rtp({ seq: 6 })))).toEqual(['lost2x1', 'p3', 'p4', 'p5', 'p6']);
  });

  it('drops duplicates, whether still held or already emitted', () => {
    const { depacketizer } = setup();
    const emitted = [1, 3, 3, 2, 2, 1, 4].flatMap((seq) => describeEvents(depacketizer.push(rtp({ seq }))));
    expect(emitted).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(depacketizer.stats.duplicates).toBe(3);
    expect(depacketizer.stats.late).toBe(0);
  });

  it('follows the sequence number across the wrap from 65535 to 0, in order and reordered', () => {
    const { depacketizer, clock } = setup();
    const emitted = [65533, 65534, 0, 65535, 1, 3, 2].flatMap((seq) => describeEvents(depacketizer.push(rtp({ seq }))));
    expect(emitted).toEqual(['p65533', 'p65534', 'p65535', 'p0', 'p1', 'p2', 'p3']);
    depacketizer.push(rtp({ seq: 6 }));
    clock.now += 100;
    expect(describeEvents(depacketizer.poll())).toEqual(['lost4x2', 'p6']);

    const across = setup();
    across.depacketizer.push(rtp({ seq: 65534 }));
    across.depacketizer.push(rtp({ seq: 1 }));
    across.clock.now += 100;
    expect(describeEvents(across.depacketizer.poll())).toEqual(['lost65535x2', 'p1']);
  });

  it('keeps the first source it sees and drops packets of another SSRC or payload type', () => {
    const { depacketizer } = setup();
    const emitted = [
      rtp({ seq: 1, ssrc: 111 }),
      rtp({ seq: 500, ssrc: 222 }),
      rtp({ seq: 2, ssrc: 111, payloadType: 101 }),
      rtp({ seq: 2, ssrc: 111 }),
    ].flatMap((datagram) => describeEvents(depacketizer.push(datagram)));
    expect(emitted).toEqual(['p1', 'p2']);
    expect(depacketizer.stats.foreign).toBe(2);
  });

  it('keeps only the source it was given, even when another one speaks first', () => {
    const { depacketizer } = setup({ ssrc: 222, payloadType: 100 });
    const emitted = [rtp({ seq: 1, ssrc: 111 }), rtp({ seq: 50, ssrc: 222 }), rtp({ seq: 2, ssrc: 111 })].flatMap(
      (datagram) => describeEvents(depacketizer.push(datagram)),
    );
    expect(emitted).toEqual(['p50']);
  });

  it('treats a far jump as a restart only when the next packet follows it', () => {
    const { depacketizer } = setup();
    depacketizer.push(rtp({ seq: 100 }));
    expect(depacketizer.push(rtp({ seq: 20_000 }))).toEqual([]);
    expect(describeEvents(depacketizer.push(rtp({ seq: 101 })))).toEqual(['p101']);
    expect(depacketizer.push(rtp({ seq: 30_000 }))).toEqual([]);
    expect(describeEvents(depacketizer.push(rtp({ seq: 30_001 })))).toEqual(['p30001']);
    expect(describeEvents(depacketizer.push(rtp({ seq: 30_002 })))).toEqual(['p30002']);
    expect(depacketizer.stats.restarts).toBe(1);
    expect(depacketizer.stats.lost).toBe(0);
  });

  it('counts malformed datagrams and carries on', () => {
    const { depacketizer } = setup();
    depacketizer.push(rtp({ seq: 7 }));
    expect(depacketizer.push(Buffer.from([0x80, 0x64, 0x00]))).toEqual([]);
    expect(depacketizer.push(Buffer.alloc(40, 0))).toEqual([]);
    expect(describeEvents(depacketizer.push(rtp({ seq: 8 })))).toEqual(['p8']);
    expect(depacketizer.stats.malformed).toBe(2);
  });

  it('flush emits what is held and names the gaps', () => {
    const { depacketizer } = setup();
    depacketizer.push(rtp({ seq: 1 }));
    depacketizer.push(rtp({ seq: 3 }));
    depacketizer.push(rtp({ seq: 6 }));
    expect(describeEvents(depacketizer.flush())).toEqual(['lost2x1', 'p3', 'lost4x2', 'p6']);
    expect(depacketizer.nextDeadline()).toBeNull();
  });
});
