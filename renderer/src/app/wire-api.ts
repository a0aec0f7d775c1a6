import { api } from '../lib/http';
import { endSession, followOtherTabs, renewAccessToken, useSessionStore } from '../features/session';
import { useSettingsStore } from '../features/settings';
import { useMeetingsStore } from '../features/meetings';

/**
 * Connects the API client to the stores: the server address from settings, the
 * token from the session, and what to do when the session cannot be renewed
 * (the route guard then sends the user to sign-in, remembering where they were).
 */
export function wireApi(): void {
  api.configure({
    baseUrl: () => useSettingsStore.getState().settings.server_url,
    session: {
      getAccessToken: () => useSessionStore.getState().accessToken,
      renewAccessToken,
      onSessionLost: () => void endSession('expired'),
    },
  });
  // Tabs share one refresh token: they renew one at a time and pass each other the result.
  followOtherTabs();
  // One user's meetings must never show to the next one on this machine.
  useSessionStore.subscribe((state, previous) => {
    if (state.status === 'signed-out' && previous.status !== 'signed-out') {
      useMeetingsStore.getState().reset();
    }
  });
}
