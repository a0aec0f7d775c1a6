import { expect, test, type Page } from '@playwright/test';
import { createMeetingByApi, registerByApi, tokenFor } from './fixtures/accounts';
import { joinRoom, openParticipant, selfPeerId, snap, tiles, type Participant } from './fixtures/room';

let opened: Participant[] = [];
test.afterEach(async () => {
  await Promise.all(opened.map((participant) => participant.context.close()));
  opened = [];
});

const tileOf = (page: Page, peerId: string) =>
  page.locator(`[data-testid="participant-tile"][data-peer-id="${peerId}"]`);
const rowOf = (page: Page, peerId: string) => page.locator(`[data-testid="participant-row"][data-peer-id="${peerId}"]`);

test('the host mutes a participant, locks the meeting against a newcomer, removes the participant and ends the meeting for all', async ({
  browser,
  request,
}, testInfo) => {
  const hostAccount = await registerByApi(request, 'Host');
  const patAccount = await registerByApi(request, 'Pat');
  const lateAccount = await registerByApi(request, 'Late');
  const meeting = await createMeetingByApi(request, hostAccount, 'Host controls');
  const host = await openParticipant(browser, hostAccount);
  const pat = await openParticipant(browser, patAccount);
  opened = [host, pat];

  await joinRoom(host, meeting.id);
  await joinRoom(pat, meeting.id);
  for (const { page } of opened) await expect(tiles(page)).toHaveCount(2);
  const patPeerId = await selfPeerId(pat.page);
  await expect(pat.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'false');
  await expect(tileOf(host.page, patPeerId)).toHaveAttribute('data-muted', 'false');

  // Mute from the participants panel: Pat's own control and the host's view of Pat both say muted.
  await host.page.getByTestId('participants-toggle').click();
  await expect(host.page.getByTestId('participants-panel')).toBeVisible();
  await rowOf(host.page, patPeerId).getByTestId('host-mute').click();
  await expect(pat.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');
  await expect(tileOf(host.page, patPeerId)).toHaveAttribute('data-muted', 'true');
  await expect(rowOf(host.page, patPeerId)).toHaveAttribute('data-muted', 'true');
  await snap(host.page, testInfo.outputPath('host-muted-pat.png'));

  // Locked: someone new is refused at the REST join, with the stable code.
  const lateToken = await tokenFor(request, lateAccount.username, lateAccount.password);
  await host.page.getByTestId('lock-meeting').click();
  await expect(host.page.getByTestId('lock-meeting')).toHaveAttribute('data-locked', 'true');
  await expect(pat.page.getByTestId('room-locked')).toBeVisible();
  const refused = await request.post(`/api/v1/meetings/${meeting.id}/join`, {
    data: {},
    headers: { authorization: `Bearer ${lateToken}` },
  });
  expect(refused.status(), await refused.text()).toBe(403);
  expect((await refused.json()).error).toBe('MEETING_LOCKED');
  await host.page.getByTestId('lock-meeting').click();
  await expect(host.page.getByTestId('lock-meeting')).toHaveAttribute('data-locked', 'false');
  await expect(host.page.getByTestId('room-locked')).toHaveCount(0);

  // Removal asks first, then Pat is out and the host is alone.
  await rowOf(host.page, patPeerId).getByTestId('host-remove').click();
  await expect(host.page.getByTestId('confirm-dialog')).toBeVisible();
  await host.page.getByTestId('confirm-accept').click();
  await expect(pat.page.getByTestId('room-ended')).toHaveAttribute('data-reason', 'kicked');
  await expect(tiles(host.page)).toHaveCount(1);
  await snap(pat.page, testInfo.outputPath('pat-removed.png'));

  // The newcomer refused while locked gets in now, and is there when the host ends the meeting for all.
  const late = await openParticipant(browser, lateAccount);
  opened.push(late);
  await joinRoom(late, meeting.id);
  await expect(tiles(host.page)).toHaveCount(2);
  await expect(tiles(late.page)).toHaveCount(2);
  await host.page.getByTestId('end-meeting').click();
  await expect(host.page.getByTestId('confirm-dialog')).toBeVisible();
  await host.page.getByTestId('confirm-accept').click();
  await expect(late.page.getByTestId('room-ended')).toHaveAttribute('data-reason', 'host-ended');
  await expect(host.page.getByTestId('room-ended')).toHaveAttribute('data-reason', 'host-ended');
  await snap(late.page, testInfo.outputPath('late-meeting-ended.png'));
});
