import { expect, test } from '@playwright/test';
import { createMeetingByApi, E2E_ADMIN, registerByApi, tokenFor } from './fixtures/accounts';
import {
  expectMediaFlowing,
  joinRoom,
  openParticipant,
  selfPeerId,
  snap,
  tiles,
  type Participant,
} from './fixtures/room';

let opened: Participant[] = [];
test.afterEach(async () => {
  await Promise.all(opened.map((participant) => participant.context.close()));
  opened = [];
});

test('two participants see and hear each other; mute, screen share, chat and leave reach the other side', async ({
  browser,
  request,
}, testInfo) => {
  const hostAccount = await registerByApi(request, 'Host');
  const guestAccount = await registerByApi(request, 'Guest');
  const meeting = await createMeetingByApi(request, hostAccount, 'Two people');
  const host = await openParticipant(browser, hostAccount);
  const guest = await openParticipant(browser, guestAccount);
  opened = [host, guest];

  await joinRoom(host, meeting.id);
  await joinRoom(guest, meeting.id);
  for (const { page } of opened) await expect(tiles(page)).toHaveCount(2);
  await expectMediaFlowing(host.page, 1);
  await expectMediaFlowing(guest.page, 1);
  await snap(guest.page, testInfo.outputPath('room-two.png'));

  const hostPeerId = await selfPeerId(host.page);
  const hostTileAtGuest = guest.page.locator(`[data-testid="participant-tile"][data-peer-id="${hostPeerId}"]`);
  await expect(hostTileAtGuest).toHaveAttribute('data-muted', 'false');
  await host.page.getByTestId('toggle-mic').click();
  await expect(hostTileAtGuest).toHaveAttribute('data-muted', 'true');
  await host.page.getByTestId('toggle-mic').click();
  await expect(hostTileAtGuest).toHaveAttribute('data-muted', 'false');

  await host.page.getByTestId('toggle-screen').click();
  await expect(guest.page.getByTestId('screen-share')).toHaveAttribute('data-peer-id', hostPeerId);
  await expect
    .poll(() => guest.page.getByTestId('screen-video').evaluate((video) => (video as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await snap(guest.page, testInfo.outputPath('room-screen-share.png'));
  await host.page.getByTestId('toggle-screen').click();
  await expect(guest.page.getByTestId('screen-share')).toHaveCount(0);

  const text = `你好 from the guest ${Date.now()}`;
  await guest.page.getByTestId('chat-toggle').click();
  await guest.page.getByTestId('chat-input').fill(text);
  await guest.page.getByTestId('chat-send').click();
  await expect(host.page.getByTestId('chat-unread')).toBeVisible();
  await host.page.getByTestId('chat-toggle').click();
  await expect(host.page.getByTestId('chat-message').filter({ hasText: text })).toBeVisible();
  await snap(host.page, testInfo.outputPath('room-chat.png'));

  await guest.page.getByTestId('leave-button').click();
  await expect(tiles(host.page)).toHaveCount(1);
});

test('three participants: everyone decodes everyone; a participant whose connection the server cuts comes back without the others seeing a leave', async ({
  browser,
  request,
}, testInfo) => {
  const accounts = await Promise.all(['Ann', 'Ben', 'Cai'].map((name) => registerByApi(request, name)));
  const meeting = await createMeetingByApi(request, accounts[0]!, 'Three people');
  opened = [];
  for (const account of accounts) opened.push(await openParticipant(browser, account));
  for (const participant of opened) await joinRoom(participant, meeting.id);

  for (const { page } of opened) {
    await expect(tiles(page)).toHaveCount(3);
    await expectMediaFlowing(page, 2);
  }
  await snap(opened[0]!.page, testInfo.outputPath('room-three.png'));

  const [ann, , cai] = opened as [Participant, Participant, Participant];
  const caiPeerId = await selfPeerId(cai.page);
  // Watch Ann's screen for Cai's tile vanishing at any moment, not just at the end.
  await ann.page.evaluate((peerId) => {
    const selector = `[data-testid="participant-tile"][data-peer-id="${peerId}"]`;
    const flags = window as unknown as { __tileVanished: boolean };
    flags.__tileVanished = false;
    new MutationObserver(() => {
      if (!document.querySelector(selector)) flags.__tileVanished = true;
    }).observe(document.body, { childList: true, subtree: true });
  }, caiPeerId);
  const adminToken = await tokenFor(request, E2E_ADMIN.username, E2E_ADMIN.password);
  const cut = await request.post(`/api/v1/admin/meetings/${meeting.id}/peers/${caiPeerId}/disconnect`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  expect(cut.status(), await cut.text()).toBe(200);

  await expect(cai.page.getByTestId('room-page')).not.toHaveAttribute('data-state', 'connected', { timeout: 5_000 });
  await expect(cai.page.getByTestId('room-page')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  expect(await selfPeerId(cai.page)).toBe(caiPeerId);
  await expect(tiles(cai.page)).toHaveCount(3);
  await expectMediaFlowing(cai.page, 2);
  await expectMediaFlowing(ann.page, 2);
  await expect(tiles(ann.page)).toHaveCount(3);
  expect(await ann.page.evaluate(() => (window as unknown as { __tileVanished: boolean }).__tileVanished)).toBe(false);
  await snap(cai.page, testInfo.outputPath('room-after-reconnect.png'));
});
