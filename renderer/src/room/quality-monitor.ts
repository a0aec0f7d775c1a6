import { createLogger } from '../lib/logger';
import type { MediaConsumer, MediaTransport } from './media/media-device';
import {
  levelOf,
  lossBetween,
  readInbound,
  readOutbound,
  readRoundTrip,
  type PacketCounters,
  type QualitySample,
} from './media/quality';
import type { QualityView } from './room-store';

const log = createLogger('QualityMonitor');

/** What the monitor reads on each tick; the RoomClient answers from its current connection. */
export interface QualitySources {
  selfPeerId(): string | null;
  sendTransport(): MediaTransport | null;
  recvTransport(): MediaTransport | null;
  consumersByPeer(): Map<string, MediaConsumer[]>;
}

function view(sample: QualitySample): QualityView {
  return { ...sample, level: levelOf(sample) };
}

/**
 * Polls getStats every few seconds and turns it into a quality level per
 * peer: ours from what the SFU reports about what we send, theirs from what
 * we receive from them. Loss is measured per interval, not since the start.
 */
export class QualityMonitor {
  private timer: ReturnType<typeof setInterval> | null = null;
  private previous = new Map<string, PacketCounters>();
  private isPolling = false;

  constructor(
    private readonly sources: QualitySources,
    private readonly publish: (quality: Record<string, QualityView>) => void,
    private readonly intervalMs = 3000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.previous.clear();
  }

  async poll(): Promise<void> {
    if (this.isPolling) return;
    this.isPolling = true;
    try {
      const result: Record<string, QualityView> = {};
      const selfPeerId = this.sources.selfPeerId();
      const send = this.sources.sendTransport();
      if (selfPeerId && send) result[selfPeerId] = view(await this.sampleSend(send));
      const recv = this.sources.recvTransport();
      const recvRtt = recv ? readRoundTrip(await recv.getStats()) : null;
      const seen = new Set<string>();
      for (const [peerId, consumers] of this.sources.consumersByPeer()) {
        seen.add(peerId);
        result[peerId] = view(await this.samplePeer(peerId, consumers, recvRtt));
      }
      for (const peerId of [...this.previous.keys()]) if (!seen.has(peerId)) this.previous.delete(peerId);
      if (this.timer) this.publish(result);
    } catch (error) {
      // A transport closing mid-poll rejects getStats; the next tick reads the new one.
      log.debug('poll() | getStats failed', error);
    } finally {
      this.isPolling = false;
    }
  }

  private async sampleSend(transport: MediaTransport): Promise<QualitySample> {
    const report = await transport.getStats();
    const sample = readOutbound(report);
    return { ...sample, rttMs: sample.rttMs ?? readRoundTrip(report) };
  }

  private async samplePeer(peerId: string, consumers: MediaConsumer[], rttMs: number | null): Promise<QualitySample> {
    const counters: PacketCounters = { received: 0, lost: 0 };
    const jitters: number[] = [];
    for (const consumer of consumers) {
      const inbound = readInbound(await consumer.getStats());
      counters.received += inbound.counters.received;
      counters.lost += inbound.counters.lost;
      if (inbound.jitterMs !== null) jitters.push(inbound.jitterMs);
    }
    const lossPercent = lossBetween(this.previous.get(peerId), counters);
    this.previous.set(peerId, counters);
    return { rttMs, lossPercent, jitterMs: jitters.length ? Math.max(...jitters) : null };
  }
}
