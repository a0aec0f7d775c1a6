/**
 * RTP in, payloads out in sequence order (RFC 3550). One instance per audio
 * tap: it keeps one source (payload type and SSRC, given or first seen),
 * holds packets that arrive early in a small jitter buffer, gives up on a
 * missing packet after a bounded wait and reports the gap as a loss (so the
 * decoder can conceal it), and drops duplicates and packets that come after
 * their turn. Pure and synchronous: the clock is injected, nothing is timed
 * here; the owner calls `poll()` when `nextDeadline()` says so.
 */

const RTP_VERSION = 2;
const FIXED_HEADER_BYTES = 12;
/** RTCP packet types 200-204 read as RTP payload types 72-76; RFC 5761 keeps 64-95 out of RTP when muxed. */
const RTCP_PAYLOAD_TYPES = { min: 64, max: 95 };
/** RFC 3550 A.1: a jump of more sequence numbers than this is a restart of the source, not a loss. */
const DEFAULT_MAX_DROPOUT = 3000;
/** Sequence numbers recently emitted, so a repeat of one counts as a duplicate rather than as late. */
const RECENT_HISTORY = 64;

export type RtpPacket = {
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  marker: boolean;
  /** A view into the datagram: CSRCs, header extension and padding already stripped. */
  payload: Buffer;
};

export type RtpParseFailure = 'too-short' | 'bad-version' | 'rtcp' | 'bad-header-extension' | 'bad-padding';

export type RtpParseResult = { ok: true; packet: RtpPacket } | { ok: false; reason: RtpParseFailure };

/** Reads one RTP datagram; anything that is not a well-formed RTP packet is a failure, never a throw. */
export function parseRtpPacket(datagram: Buffer): RtpParseResult {
  if (datagram.length < FIXED_HEADER_BYTES) return { ok: false, reason: 'too-short' };
  const first = datagram[0]!;
  if (first >> 6 !== RTP_VERSION) return { ok: false, reason: 'bad-version' };
  const hasPadding = (first & 0x20) !== 0;
  const hasExtension = (first & 0x10) !== 0;
  const csrcCount = first & 0x0f;
  const second = datagram[1]!;
  const payloadType = second & 0x7f;
  if (payloadType >= RTCP_PAYLOAD_TYPES.min && payloadType <= RTCP_PAYLOAD_TYPES.max)
    return { ok: false, reason: 'rtcp' };

  let offset = FIXED_HEADER_BYTES + 4 * csrcCount;
  if (offset > datagram.length) return { ok: false, reason: 'too-short' };
  if (hasExtension) {
    if (offset + 4 > datagram.length) return { ok: false, reason: 'bad-header-extension' };
    offset += 4 + 4 * datagram.readUInt16BE(offset + 2);
    if (offset > datagram.length) return { ok: false, reason: 'bad-header-extension' };
  }
  let end = datagram.length;
  if (hasPadding) {
    const paddingBytes = datagram[end - 1]!;
    if (paddingBytes === 0 || paddingBytes > end - offset) return { ok: false, reason: 'bad-padding' };
    end -= paddingBytes;
  }
  return {
    ok: true,
    packet: {
      payloadType,
      sequenceNumber: datagram.readUInt16BE(2),
      timestamp: datagram.readUInt32BE(4),
      ssrc: datagram.readUInt32BE(8),
      marker: (second & 0x80) !== 0,
      payload: datagram.subarray(offset, end),
    },
  };
}

/** `a - b` for 16-bit sequence numbers, in [-32768, 32767], so 0 comes right after 65535. */
export function sequenceDiff(a: number, b: number): number {
  return ((a - b + 0x8000) & 0xffff) - 0x8000;
}

export type DepacketizerEvent =
  | { type: 'payload'; sequenceNumber: number; timestamp: number; marker: boolean; payload: Buffer }
  /** `count` packets from `firstSequenceNumber` on will never come (or came too late): conceal them. */
  | { type: 'loss'; firstSequenceNumber: number; count: number };

export type RtpDepacketizerOptions = {
  /** Keep only this payload type; by default the first packet's. */
  payloadType?: number;
  /** Keep only this source; by default the first packet's. Packets of any other SSRC are dropped. */
  ssrc?: number;
  /** Longest a packet waits behind a missing one before the missing one is declared lost. */
  maxWaitMs?: number;
  /** Most packets held behind a missing one; one more and the missing one is declared lost at once. */
  maxHeldPackets?: number;
  maxDropout?: number;
  /** Milliseconds, monotonic; `performance.now` by default. */
  now?: () => number;
};

export type RtpDepacketizerStats = {
  /** Packets of our source accepted into the buffer. */
  received: number;
  emitted: number;
  lost: number;
  duplicates: number;
  /** Arrived after their gap had been declared lost. */
  late: number;
  /** Not RTP (too short, wrong version, RTCP, broken extension or padding). */
  malformed: number;
  /** Another payload type or SSRC. */
  foreign: number;
  /** Sequence jumps taken as a restart of the source. */
  restarts: number;
};

type Held = { packet: RtpPacket; arrivedAt: number };

export class RtpDepacketizer {
  private payloadType: number | undefined;
  private ssrc: number | undefined;
  private readonly maxWaitMs: number;
  private readonly maxHeldPackets: number;
  private readonly maxDropout: number;
  private readonly now: () => number;
  private readonly held = new Map<number, Held>();
  /** The sequence number emitted next; null until the first packet. */
  private expected: number | null = null;
  /** After a big jump, the sequence number that would confirm a restart (RFC 3550's "bad_seq"). */
  private restartCandidate: number | null = null;
  private readonly recent = new Int32Array(RECENT_HISTORY).fill(-1);
  private recentIndex = 0;
  readonly stats: RtpDepacketizerStats = {
    received: 0,
    emitted: 0,
    lost: 0,
    duplicates: 0,
    late: 0,
    malformed: 0,
    foreign: 0,
    restarts: 0,
  };

  constructor(options: RtpDepacketizerOptions = {}) {
    this.payloadType = options.payloadType;
    this.ssrc = options.ssrc;
    this.maxWaitMs = options.maxWaitMs ?? 60;
    this.maxHeldPackets = options.maxHeldPackets ?? 10;
    this.maxDropout = options.maxDropout ?? DEFAULT_MAX_DROPOUT;
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes one datagram; returns what can be emitted now, in order. */
  push(datagram: Buffer): DepacketizerEvent[] {
    const parsed = parseRtpPacket(datagram);
    if (!parsed.ok) {
      this.stats.malformed++;
      return [];
    }
    const packet = parsed.packet;
    if (!this.isOurSource(packet)) {
      this.stats.foreign++;
      return [];
    }
    const now = this.now();
    const events: DepacketizerEvent[] = [];
    this.expected ??= packet.sequenceNumber;
    const diff = sequenceDiff(packet.sequenceNumber, this.expected);
    if (diff < 0) {
      if (this.recent.includes(packet.sequenceNumber)) this.stats.duplicates++;
      else this.stats.late++;
      return this.release(now, events);
    }
    if (diff > this.maxDropout) {
      if (packet.sequenceNumber !== this.restartCandidate) {
        // One stray packet far ahead is dropped; a second that follows it means the source restarted.
        this.restartCandidate = (packet.sequenceNumber + 1) & 0xffff;
        this.stats.foreign++;
        return this.release(now, events);
      }
      this.stats.restarts++;
      this.drainAll(events);
      this.expected = packet.sequenceNumber;
    }
    this.restartCandidate = null;
    if (this.held.has(packet.sequenceNumber)) {
      this.stats.duplicates++;
      return this.release(now, events);
    }
    this.stats.received++;
    this.held.set(packet.sequenceNumber, { packet, arrivedAt: now });
    return this.release(now, events);
  }

  /** Releases what has waited long enough; call it at `nextDeadline()`. */
  poll(): DepacketizerEvent[] {
    return this.release(this.now(), []);
  }

  /** When `poll()` will have something to release (same clock as `now`), or null when nothing is held. */
  nextDeadline(): number | null {
    if (this.held.size === 0) return null;
    return this.oldestArrival() + this.maxWaitMs;
  }

  /** Emits everything held, declaring every remaining gap lost (end of stream). */
  flush(): DepacketizerEvent[] {
    const events: DepacketizerEvent[] = [];
    this.drainAll(events);
    return events;
  }

  private isOurSource(packet: RtpPacket): boolean {
    this.payloadType ??= packet.payloadType;
    this.ssrc ??= packet.ssrc;
    return packet.payloadType === this.payloadType && packet.ssrc === this.ssrc;
  }

  private release(now: number, events: DepacketizerEvent[]): DepacketizerEvent[] {
    for (;;) {
      this.emitInOrder(events);
      if (this.held.size === 0) return events;
      const hasWaitedEnough = now - this.oldestArrival() >= this.maxWaitMs;
      if (!hasWaitedEnough && this.held.size <= this.maxHeldPackets) return events;
      this.skipToNextHeld(events);
    }
  }

  private drainAll(events: DepacketizerEvent[]): void {
    while (this.held.size > 0) {
      this.emitInOrder(events);
      if (this.held.size > 0) this.skipToNextHeld(events);
    }
  }

  private emitInOrder(events: DepacketizerEvent[]): void {
    for (let held = this.held.get(this.expected!); held; held = this.held.get(this.expected!)) {
      const { packet } = held;
      this.held.delete(packet.sequenceNumber);
      events.push({
        type: 'payload',
        sequenceNumber: packet.sequenceNumber,
        timestamp: packet.timestamp,
        marker: packet.marker,
        payload: packet.payload,
      });
      this.stats.emitted++;
      this.recent[this.recentIndex] = packet.sequenceNumber;
      this.recentIndex = (this.recentIndex + 1) % RECENT_HISTORY;
      this.expected = (packet.sequenceNumber + 1) & 0xffff;
    }
  }

  /** Declares the packets between `expected` and the earliest held one lost. */
  private skipToNextHeld(events: DepacketizerEvent[]): void {
    const expected = this.expected!;
    let next = -1;
    let nextDiff = Infinity;
    for (const sequenceNumber of this.held.keys()) {
      const diff = sequenceDiff(sequenceNumber, expected);
      if (diff < nextDiff) [next, nextDiff] = [sequenceNumber, diff];
    }
    events.push({ type: 'loss', firstSequenceNumber: expected, count: nextDiff });
    this.stats.lost += nextDiff;
    this.expected = next;
  }

  private oldestArrival(): number {
    let oldest = Infinity;
    for (const { arrivedAt } of this.held.values()) oldest = Math.min(oldest, arrivedAt);
    return oldest;
  }
}
