import type { AppView } from '@meetai/shared';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { getBridge } from '../bridge/get-bridge';
import { createLogger } from '../lib/logger';

const log = createLogger('desktop-navigation');

/** What the join-by-code field looks for in the location's state to take the focus. */
export const FOCUS_JOIN_STATE = { focus: 'join' } as const;

/**
 * Where a view from the shell (tray, menu, a notification's click) takes the
 * page, or null to stay. A room is entered only from the lobby: a click on a
 * chat notification from a meeting we have since left opens that meeting's
 * page, never the meeting itself; in the room, the room opens its chat.
 */
export function destinationOf(view: AppView, currentPath: string): { path: string; state?: unknown } | null {
  switch (view.view) {
    case 'join':
      return { path: '/', state: FOCUS_JOIN_STATE };
    case 'settings':
      return { path: '/settings' };
    case 'meeting':
      return { path: `/meetings/${view.meeting_id}` };
    case 'room':
      return currentPath === `/room/${view.meeting_id}` ? null : { path: `/meetings/${view.meeting_id}` };
  }
}

/** Follows `app:navigate` from the desktop shell. */
export function useDesktopNavigation(): void {
  const navigate = useNavigate();
  const location = useLocation();
  const path = useRef(location.pathname);
  path.current = location.pathname;
  useEffect(
    () =>
      getBridge().on('app:navigate', (view) => {
        const destination = destinationOf(view, path.current);
        log.info(`app:navigate | ${view.view} -> ${destination?.path ?? '(stays)'}`);
        if (destination) navigate(destination.path, { state: destination.state });
      }),
    [navigate],
  );
}
