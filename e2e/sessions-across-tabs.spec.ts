import { expect, request as playwrightRequest, test, type Page, type Response } from '@playwright/test';
import { registerByApi, signIn } from './fixtures/accounts';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { snap } from './fixtures/room';

/**
 * Two tabs of one user share the refresh token (localStorage), and the server
 * rotates it on every use. With access tokens that expire every 3 s, both tabs
 * renew again and again for a minute of activity and must stay signed in: the
 * tabs take turns (Web Lock) and pass each other the new pair (BroadcastChannel).
 * One refresh answer is also lost on the way back (the server did rotate), and
 * the server's reuse grace lets the next try with the old token through.
 */
const ACTIVITY_MS = 60_000;
const SCOPES = ['upcoming', 'ongoing', 'past'] as const;

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer({ ACCESS_TOKEN_TTL: '3s' });
});
test.afterAll(async () => {
  await server?.dispose();
});

async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByTestId('create-meeting')).toBeVisible();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** One round of activity in a tab: open a meetings tab (an authenticated list request) and wait for its answer. */
async function browse(page: Page, round: number): Promise<void> {
  const scope = SCOPES[round % SCOPES.length] as (typeof SCOPES)[number];
  await page.getByTestId(`meetings-tab-${scope}`).click();
  await expect(page.getByTestId('meeting-list').or(page.getByTestId('meetings-empty'))).toBeVisible();
  await expect(page.getByTestId('meetings-error')).toHaveCount(0);
}

test('two tabs of one user stay signed in through a minute of 3-second access tokens', async ({
  browser,
}, testInfo) => {
  test.setTimeout(ACTIVITY_MS + 90_000);
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const account = await registerByApi(api, 'Tabs');
  await api.dispose();
  const context = await browser.newContext({ baseURL: server.url });
  const first = await context.newPage();
  await signIn(first, account);
  const second = await context.newPage();
  await second.goto('/');
  await expectSignedIn(second);

  const refreshes: { tab: string; status: number }[] = [];
  const watch = (page: Page, tab: string) =>
    page.on('response', (response: Response) => {
      if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push({ tab, status: response.status() });
    });
  watch(first, 'first');
  watch(second, 'second');

  // Once, a refresh reaches the server (which rotates the token) but its answer is lost on the way back.
  let isArmed = false;
  let lostAnswers = 0;
  await context.route('**/api/v1/auth/refresh', async (route) => {
    if (!isArmed) return route.fallback();
    isArmed = false;
    lostAnswers += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });

  const endAt = Date.now() + ACTIVITY_MS;
  for (let round = 0; Date.now() < endAt; round += 1) {
    if (round === 3 && lostAnswers === 0) isArmed = true;
    await browse(first, round);
    await browse(second, round + 1);
    // Now and then a tab starts over, restoring the session from the shared token while the other is active.
    if (round % 7 === 6) {
      await (round % 2 ? first : second).reload();
      await expectSignedIn(round % 2 ? first : second);
    }
    await first.waitForTimeout(700);
  }

  await expectSignedIn(first);
  await expectSignedIn(second);
  await snap(first, testInfo.outputPath('first-tab-after-a-minute.png'));
  await snap(second, testInfo.outputPath('second-tab-after-a-minute.png'));
  expect(lostAnswers).toBe(1);
  // Renewals happened all along (the tokens really expired), and the server refused none of them.
  expect(refreshes.length).toBeGreaterThan(ACTIVITY_MS / 3000 / 2);
  expect(refreshes.filter((r) => r.status !== 200)).toEqual([]);
  await context.close();
});
