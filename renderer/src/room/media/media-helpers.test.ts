import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../reconnect-policy';
import { describeError, isFatalError } from '../room-errors';
import { WEBCAM_ENCODINGS } from './encodings';
import { pickSpatialLayer } from './layers';
import { levelOf, lossBetween, readInbound, readOutbound, readRoundTrip } from './quality';

const report = (...stats: Record<string, unknown>[]) => new Map(stats.map((stat, i) => [String(i), stat]));

describe('simulcast', () => {
  it('sends three layers at quarter, half and full resolution', () => {
    expect(WEBCAM_ENCODINGS.map((e) => e.scaleResolutionDownBy)).toEqual([4, 2, 1]);
  });

  it('picks the lowest layer that fills the tile', () => {
    expect(pickSpatialLayer(0, 0)).toBe(0);
    expect(pickSpatialLayer(200, 112)).toBe(0);
    expect(pickSpatialLayer(480, 270)).toBe(1);
    expect(pickSpatialLayer(480, 270, 2)).toBe(2);
    expect(pickSpatialLayer(1920, 1080)).toBe(2);
    // A tall narrow tile needs the pixels of its 16:9 width.
    expect(pickSpatialLayer(200, 500)).toBe(2);
  });
});

describe('connection quality', () => {
  it('reads the selected candidate pair round trip', () => {
    const stats = report(
      { type: 'candidate-pair', state: 'failed', currentRoundTripTime: 3 },
      { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.042 },
    );
    expect(readRoundTrip(stats)).toBeCloseTo(42);
  });

  it('sums inbound packets and loss and keeps the worst jitter', () => {
    const stats = report(
      { type: 'inbound-rtp', packetsReceived: 900, packetsLost: 10, jitter: 0.01 },
      { type: 'inbound-rtp', packetsReceived: 100, packetsLost: 0, jitter: 0.03 },
      { type: 'outbound-rtp', packetsSent: 5 },
    );
    const { counters, jitterMs } = readInbound(stats);
    expect(counters).toEqual({ received: 1000, lost: 10 });
    expect(jitterMs).toBeCloseTo(30);
  });

  it('measures loss over the last interval only', () => {
    expect(lossBetween({ received: 1000, lost: 10 }, { received: 1090, lost: 20 })).toBeCloseTo(10);
    expect(lossBetween({ received: 1000, lost: 10 }, { received: 1000, lost: 10 })).toBeNull();
  });

  it('reads what the far end reports about what we send', () => {
    const stats = report({ type: 'remote-inbound-rtp', roundTripTime: 0.3, fractionLost: 0.05, jitter: 0.02 });
    const sample = readOutbound(stats);
    expect(sample.rttMs).toBeCloseTo(300);
    expect(sample.lossPercent).toBeCloseTo(5);
    expect(levelOf(sample)).toBe('fair');
  });

  it('grades samples', () => {
    expect(levelOf({ rttMs: null, lossPercent: null, jitterMs: null })).toBe('unknown');
    expect(levelOf({ rttMs: 40, lossPercent: 0, jitterMs: 5 })).toBe('good');
    expect(levelOf({ rttMs: 40, lossPercent: 12, jitterMs: 5 })).toBe('poor');
  });
});

describe('reconnection policy and errors', () => {
  it('doubles the wait up to a cap', () => {
    const policy = exponentialBackoff({ initialDelayMs: 500, maxDelayMs: 4000, jitter: 0 });
    expect([0, 1, 2, 3, 4, 5].map((n) => policy.delayMs(n))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('spreads retries with jitter', () => {
    const policy = exponentialBackoff({ initialDelayMs: 1000, jitter: 0.5, random: () => 0 });
    expect(policy.delayMs(0)).toBe(500);
  });

  it('tells retryable failures from final ones', () => {
    expect(isFatalError({ code: 'MEETING_ENDED' })).toBe(true);
    expect(isFatalError({ code: 'NETWORK_ERROR' })).toBe(false);
    expect(describeError(new DOMException('denied', 'NotAllowedError'))).toEqual({
      code: 'NotAllowedError',
      message: 'denied',
    });
    expect(describeError('boom')).toEqual({ code: 'UNKNOWN', message: 'boom' });
  });
});
