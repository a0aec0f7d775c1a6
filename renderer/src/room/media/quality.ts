/**
 * Connection quality from WebRTC statistics. Inputs are whatever getStats()
 * returns (RTCStatsReport or a Map in tests); every field is read defensively
 * because browsers differ in which ones they fill in.
 */

export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown';

export interface QualitySample {
  rttMs: number | null;
  lossPercent: number | null;
  jitterMs: number | null;
}

export interface PacketCounters {
  received: number;
  lost: number;
}

export interface StatsReport {
  forEach(callback: (stat: unknown) => void): void;
}

function field(stat: unknown, name: string): unknown {
  return typeof stat === 'object' && stat !== null ? (stat as Record<string, unknown>)[name] : undefined;
}

function numberField(stat: unknown, name: string): number | null {
  const value = field(stat, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function maxOf(values: number[]): number | null {
  return values.length ? Math.max(...values) : null;
}

/** Round trip of the selected ICE candidate pair, in ms. */
export function readRoundTrip(report: StatsReport): number | null {
  const rtts: number[] = [];
  report.forEach((stat) => {
    if (field(stat, 'type') !== 'candidate-pair' || field(stat, 'state') !== 'succeeded') return;
    if (field(stat, 'nominated') === false) return;
    const rtt = numberField(stat, 'currentRoundTripTime');
    if (rtt !== null) rtts.push(rtt * 1000);
  });
  return maxOf(rtts);
}

/** Packets received and lost over all inbound RTP streams, plus their worst jitter. */
export function readInbound(report: StatsReport): { counters: PacketCounters; jitterMs: number | null } {
  const counters: PacketCounters = { received: 0, lost: 0 };
  const jitters: number[] = [];
  report.forEach((stat) => {
    if (field(stat, 'type') !== 'inbound-rtp') return;
    counters.received += numberField(stat, 'packetsReceived') ?? 0;
    counters.lost += Math.max(0, numberField(stat, 'packetsLost') ?? 0);
    const jitter = numberField(stat, 'jitter');
    if (jitter !== null) jitters.push(jitter * 1000);
  });
  return { counters, jitterMs: maxOf(jitters) };
}

/** What the far end reports about what we send (RTCP receiver reports). */
export function readOutbound(report: StatsReport): QualitySample {
  const rtts: number[] = [];
  const losses: number[] = [];
  const jitters: number[] = [];
  report.forEach((stat) => {
    if (field(stat, 'type') !== 'remote-inbound-rtp') return;
    const rtt = numberField(stat, 'roundTripTime');
    const fraction = numberField(stat, 'fractionLost');
    const jitter = numberField(stat, 'jitter');
    if (rtt !== null) rtts.push(rtt * 1000);
    if (fraction !== null) losses.push(fraction * 100);
    if (jitter !== null) jitters.push(jitter * 1000);
  });
  return { rttMs: maxOf(rtts), lossPercent: maxOf(losses), jitterMs: maxOf(jitters) };
}

/** Loss over the interval between two readings; null when nothing arrived in it. */
export function lossBetween(previous: PacketCounters | undefined, next: PacketCounters): number | null {
  const received = next.received - (previous?.received ?? 0);
  const lost = next.lost - (previous?.lost ?? 0);
  const total = received + Math.max(0, lost);
  return total > 0 ? (Math.max(0, lost) / total) * 100 : null;
}

const POOR = { rttMs: 500, lossPercent: 10, jitterMs: 100 };
const FAIR = { rttMs: 250, lossPercent: 3, jitterMs: 50 };

function exceeds(sample: QualitySample, limits: typeof POOR): boolean {
  return (
    (sample.rttMs ?? 0) > limits.rttMs ||
    (sample.lossPercent ?? 0) > limits.lossPercent ||
    (sample.jitterMs ?? 0) > limits.jitterMs
  );
}

export function levelOf(sample: QualitySample): QualityLevel {
  if (sample.rttMs === null && sample.lossPercent === null && sample.jitterMs === null) return 'unknown';
  if (exceeds(sample, POOR)) return 'poor';
  if (exceeds(sample, FAIR)) return 'fair';
  return 'good';
}
