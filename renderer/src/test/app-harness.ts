import { DEFAULT_SETTINGS } from '@meetai/shared';
import { wireApi } from '../app/wire-api';
import { useMeetingsStore } from '../features/meetings';
import { useSessionStore } from '../features/session';
import { useSettingsStore } from '../features/settings';
import { initI18n } from '../i18n';
import { startTestServer, type TestServer } from './http-test-server';

let isWired = false;

/**
 * The app's real wiring (API client, stores, browser bridge, i18n in English)
 * pointed at a real local test server, with the stores reset for each test.
 */
export async function startAppHarness(): Promise<TestServer> {
  if (!isWired) {
    wireApi();
    initI18n('en');
    isWired = true;
  }
  const server = await startTestServer();
  useSettingsStore.getState().setSettings({ ...DEFAULT_SETTINGS, server_url: server.url });
  useSessionStore.setState({
    status: 'signed-out',
    user: null,
    accessToken: null,
    accessExpiresAt: null,
    refreshToken: null,
    signOutReason: null,
  });
  useMeetingsStore.getState().reset();
  return server;
}
