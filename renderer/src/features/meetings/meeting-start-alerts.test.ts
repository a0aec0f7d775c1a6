import type { BridgeRequest, Meeting } from '@meetai/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECK_INTERVAL_MS, dueToStart, startMeetingStartAlerts } from './meeting-start-alerts';

type NotificationRequest = BridgeRequest<'notification:show'>;

const NOW = Date.parse('2030-03-02T09:00:00.000Z');

function meeting(id: number, startsInMs: number | null, status: Meeting['status'] = 'scheduled'): Meeting {
  return {
    id,
    title: `Meeting ${id}`,
    status,
    scheduled_start: startsInMs === null ? null : new Date(NOW + startsInMs).toISOString(),
  } as Meeting;
}

describe('meetings about to start', () => {
  it('picks scheduled meetings starting within two minutes, or just now, not yet announced', () => {
    const meetings = [
      meeting(1, 90_000),
      meeting(2, 5 * 60_000),
      meeting(3, -30_000),
      meeting(4, -5 * 60_000),
      meeting(5, null),
      meeting(6, 30_000, 'ongoing'),
      meeting(7, 60_000),
    ];
    expect(dueToStart(meetings, NOW, new Set([7])).map((m) => m.id)).toEqual([1, 3]);
  });

  describe('the minute-by-minute check', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('notifies once per meeting, opening its page, as the clock moves on', async () => {
      let now = NOW;
      const upcoming = vi.fn(async () => [meeting(1, 90_000), meeting(2, 3 * 60_000)]);
      const notificationShow = vi.fn(async (_request: NotificationRequest) => ({ shown: true }));
      const stop = startMeetingStartAlerts({
        bridge: { notificationShow },
        upcoming,
        body: (m) => `Starts at ${m.scheduled_start}`,
        now: () => now,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(notificationShow.mock.calls).toEqual([
        [
          {
            kind: 'meeting-starting',
            title: 'Meeting 1',
            body: `Starts at ${new Date(NOW + 90_000).toISOString()}`,
            target: { view: 'meeting', meeting_id: 1 },
          },
        ],
      ]);
      now += CHECK_INTERVAL_MS;
      await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
      expect(notificationShow.mock.calls.map(([request]) => request.target)).toEqual([
        { view: 'meeting', meeting_id: 1 },
        { view: 'meeting', meeting_id: 2 },
      ]);
      stop();
      await vi.advanceTimersByTimeAsync(5 * CHECK_INTERVAL_MS);
      expect(upcoming).toHaveBeenCalledTimes(2);
    });

    it('keeps going when the list cannot be fetched', async () => {
      const upcoming = vi
        .fn()
        .mockRejectedValueOnce(new Error('offline'))
        .mockResolvedValue([meeting(1, 0)]);
      const notificationShow = vi.fn(async () => ({ shown: true }));
      const stop = startMeetingStartAlerts({ bridge: { notificationShow }, upcoming, body: () => '', now: () => NOW });
      await vi.advanceTimersByTimeAsync(0);
      expect(notificationShow).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
      expect(notificationShow).toHaveBeenCalledOnce();
      stop();
    });
  });
});
