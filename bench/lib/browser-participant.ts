import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/fixtures/chromium';
import { TRACK_PEER_CONNECTIONS } from '../../e2e/fixtures/peer-connections';
import type { BenchUser } from './accounts';

/** Chromium with fake camera and microphone, as in the end-to-end tests. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(['--allow-loopback-in-peer-connection', ...extraArgs]));
}

/**
 * A signed-in participant in its own browser context (its own storage and
 * session). `initScripts` run in the page before the app, like the tracking of
 * peer connections every participant gets.
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  user: BenchUser,
  initScripts: Array<() => void> = [],
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 960, height: 600 } });
  for (const script of [TRACK_PEER_CONNECTIONS, ...initScripts]) await context.addInitScript(script);
  const page = await context.newPage();
  await page.goto(`${url}/#/sign-in`);
  await page.getByTestId('signin-username').fill(user.username);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('create-meeting').waitFor();
  return page;
}

export async function openLobby(page: Page, url: string, meetingId: number): Promise<void> {
  await page.goto(`${url}/#/lobby/${meetingId}`);
  await page.getByTestId('join-button').waitFor();
}

export async function joinFromLobby(page: Page): Promise<void> {
  await page.getByTestId('join-button').click();
  await page.locator('[data-testid="room-page"][data-state="connected"]').waitFor({ timeout: 30_000 });
}

export async function leaveRoom(page: Page): Promise<void> {
  await page.getByTestId('leave-button').click();
  await page.locator('[data-testid="room-page"][data-state="closed"]').waitFor();
}

/** Waits until `count` remote videos are decoding on this page. */
export async function waitForDecodingVideos(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    async (expected) => {
      const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? [];
      let decoding = 0;
      for (const pc of connections) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((stat) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video' && (stat.framesDecoded ?? 0) > 0) decoding += 1;
        });
      }
      return decoding >= expected;
    },
    count,
    { timeout: 60_000, polling: 250 },
  );
}
