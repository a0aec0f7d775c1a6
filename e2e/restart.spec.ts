import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { createMeetingByApi, registerByApi, tokenFor, type Account } from './fixtures/accounts';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { expectMediaFlowing, joinRoom, openParticipant, snap, tiles, type Participant } from './fixtures/room';

/**
 * The server restarts in the middle of a meeting (graceful stop: sockets are
 * told 1001 "going away", nobody is marked left; then a new process on the
 * same data). Clients say they are reconnecting, come back into the same
 * meeting with media, and the chat history and the meeting are still there.
 * Someone waiting in the lobby through the restart (their prepared connection
 * is gone) still gets in with one click. As behind a reverse proxy, the API
 * answers 502 while the server is away, and access tokens last 5 s, so the
 * clients come back with expired tokens and renew them on the way in.
 */
let server: OwnServer;
let opened: Participant[] = [];
let isServerAway = false;
test.beforeAll(async () => {
  server = await startOwnServer({ ACCESS_TOKEN_TTL: '5s' });
});
test.afterAll(async () => {
  for (const { context } of opened) await context.close();
  await server?.dispose();
});

const roomState = (page: Page) => page.getByTestId('room-page');

async function sendChat(page: Page, text: string): Promise<void> {
  if (!(await page.getByTestId('chat-panel').isVisible())) await page.getByTestId('chat-toggle').click();
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-send').click();
}

async function expectChat(page: Page, text: string): Promise<void> {
  if (!(await page.getByTestId('chat-panel').isVisible())) await page.getByTestId('chat-toggle').click();
  await expect(page.getByTestId('chat-message').filter({ hasText: text })).toHaveCount(1);
}

test('a server restart during a meeting: everyone reconnects into the same meeting with media; chat and meeting intact', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const accounts: Account[] = [];
  for (const name of ['Ada', 'Bo', 'Cy']) accounts.push(await registerByApi(api, name));
  const [ada, bo, cy] = accounts as [Account, Account, Account];
  const meeting = await createMeetingByApi(api, ada, 'Survives a restart');

  const host = await openParticipant(browser, ada, { baseURL: server.url });
  const guest = await openParticipant(browser, bo, { baseURL: server.url });
  const waiting = await openParticipant(browser, cy, { baseURL: server.url });
  opened = [host, guest, waiting];
  for (const { context } of opened) {
    await context.route('**/api/v1/**', (route) =>
      isServerAway
        ? route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' })
        : route.fallback(),
    );
  }
  await joinRoom(host, meeting.id);
  await joinRoom(guest, meeting.id);
  for (const { page } of [host, guest]) {
    await expect(tiles(page)).toHaveCount(2);
    await expectMediaFlowing(page, 1);
  }
  const before = `before the restart ${Date.now()}`;
  await sendChat(guest.page, before);
  await expectChat(host.page, before);
  // Cy looks at the preview; the lobby has prepared Cy's connection.
  await waiting.page.goto(`/#/lobby/${meeting.id}`);
  await expect(waiting.page.getByTestId('join-button')).toBeVisible();

  isServerAway = true;
  await server.stop();
  for (const { page } of [host, guest]) {
    await expect(page.getByTestId('reconnect-banner')).toHaveAttribute('data-state', 'reconnecting');
    await expect(roomState(page)).toHaveAttribute('data-state', 'reconnecting');
  }
  await snap(host.page, testInfo.outputPath('while-the-server-is-down.png'));

  await server.start();
  isServerAway = false;
  for (const { page } of [host, guest]) {
    await expect(roomState(page)).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
    await expect(page.getByTestId('reconnect-banner')).toHaveCount(0);
    await expect(tiles(page)).toHaveCount(2);
    await expectMediaFlowing(page, 1);
    // The history came back from the database, once.
    await expectChat(page, before);
  }
  await snap(guest.page, testInfo.outputPath('after-the-restart.png'));

  const after = `after the restart ${Date.now()}`;
  await sendChat(host.page, after);
  await expectChat(guest.page, after);

  // The meeting is the same one, still running, with both of them in it.
  const token = await tokenFor(api, ada.username, ada.password);
  const found = await api.get(`/api/v1/meetings/${meeting.id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(found.status()).toBe(200);
  expect((await found.json()).data).toMatchObject({ id: meeting.id, code: meeting.code, status: 'ongoing' });

  // Cy's prepared connection died with the old process; Join still gets Cy in, with everyone's video.
  await waiting.page.getByTestId('join-button').click();
  await expect(roomState(waiting.page)).toHaveAttribute('data-state', 'connected');
  await expect(tiles(waiting.page)).toHaveCount(3);
  await expectMediaFlowing(waiting.page, 2);
  await expectChat(waiting.page, before);
  for (const { page } of [host, guest]) await expect(tiles(page)).toHaveCount(3);
  await snap(waiting.page, testInfo.outputPath('joined-after-the-restart.png'));
  await api.dispose();
});
