import type { DesktopBridge, Meeting } from '@meetai/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge, isDesktopApp } from '../../bridge/get-bridge';
import { createLogger } from '../../lib/logger';
import { formatDateTime } from '../../lib/format';
import { useSessionStore } from '../session';
import { meetingsApi } from './api';

const log = createLogger('meeting-start-alerts');

/** How far ahead a meeting counts as starting, and how often the list is looked at. */
export const START_WINDOW_MS = 2 * 60_000;
export const CHECK_INTERVAL_MS = 60_000;

/** Scheduled meetings starting within the window (or just now), not yet announced. */
export function dueToStart(meetings: readonly Meeting[], now: number, announced: ReadonlySet<number>): Meeting[] {
  return meetings.filter((meeting) => {
    if (meeting.status !== 'scheduled' || !meeting.scheduled_start || announced.has(meeting.id)) return false;
    const startsIn = Date.parse(meeting.scheduled_start) - now;
    return startsIn <= START_WINDOW_MS && startsIn > -CHECK_INTERVAL_MS;
  });
}

export interface StartAlertsDeps {
  bridge: Pick<DesktopBridge, 'notificationShow'>;
  /** The user's upcoming meetings, soonest first. */
  upcoming(): Promise<readonly Meeting[]>;
  body(meeting: Meeting): string;
  now?: () => number;
}

/**
 * Looks at the upcoming meetings every minute and notifies once per meeting
 * about to start (main shows it even over a focused window; a click opens the
 * meeting's page). Returns the function that stops it.
 */
export function startMeetingStartAlerts({ bridge, upcoming, body, now = Date.now }: StartAlertsDeps): () => void {
  const announced = new Set<number>();
  let isStopped = false;
  const check = async () => {
    let meetings: readonly Meeting[];
    try {
      meetings = await upcoming();
    } catch (error) {
      log.warn('check() | could not list upcoming meetings', error);
      return;
    }
    if (isStopped) return;
    for (const meeting of dueToStart(meetings, now(), announced)) {
      announced.add(meeting.id);
      bridge
        .notificationShow({
          kind: 'meeting-starting',
          title: meeting.title.slice(0, 200),
          body: body(meeting),
          target: { view: 'meeting', meeting_id: meeting.id },
        })
        .catch((error: unknown) => log.warn('notification:show failed', error));
    }
  };
  void check();
  const timer = setInterval(() => void check(), CHECK_INTERVAL_MS);
  return () => {
    isStopped = true;
    clearInterval(timer);
  };
}

/** In the desktop app, while someone is signed in: a notification as each of their meetings is about to start. */
export function useMeetingStartAlerts(): void {
  const { t, i18n } = useTranslation();
  const userId = useSessionStore((s) => s.user?.id ?? null);
  const language = i18n.language;
  useEffect(() => {
    if (userId === null || !isDesktopApp()) return;
    return startMeetingStartAlerts({
      bridge: getBridge(),
      upcoming: async () => (await meetingsApi.list('upcoming', 1, 20)).list,
      body: (meeting) => t('desktop.meetingStarting', { time: formatDateTime(meeting.scheduled_start, language) }),
    });
  }, [userId, t, language]);
}
