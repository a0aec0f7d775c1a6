import { expect, test, type Page } from '@playwright/test';
import { createMeetingByApi, newAccount, registerByApi } from './fixtures/accounts';
import { snap } from './fixtures/room';

/** Reads the lobby video's playback facts inside the page. */
function previewState(page: Page) {
  return page.getByTestId('lobby-preview').evaluate((element) => {
    const video = element as HTMLVideoElement;
    return { paused: video.paused, width: video.videoWidth, height: video.videoHeight, time: video.currentTime };
  });
}

test('a new user registers, signs in, creates a meeting, checks devices in the lobby and reads the UI in Chinese', async ({
  page,
}, testInfo) => {
  const account = newAccount('Alice');

  await page.goto('/');
  await expect(page.getByTestId('signin-username')).toBeVisible();
  await snap(page, testInfo.outputPath('01-sign-in.png'));

  await page.getByTestId('register-link').click();
  await page.getByTestId('register-username').fill(account.username);
  await page.getByTestId('register-email').fill(account.email);
  await page.getByTestId('register-nickname').fill(account.nickname);
  await page.getByTestId('register-password').fill('short');
  await expect(page.getByTestId('register-rule-length')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('register-rule-digit')).toHaveAttribute('data-met', 'false');
  await page.getByTestId('register-password').fill(account.password);
  for (const rule of ['length', 'letter', 'digit']) {
    await expect(page.getByTestId(`register-rule-${rule}`)).toHaveAttribute('data-met', 'true');
  }
  await snap(page, testInfo.outputPath('02-register.png'));
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('create-meeting')).toBeVisible();

  await page.getByTestId('signout-button').click();
  await expect(page.getByTestId('signin-username')).toBeVisible();
  await page.getByTestId('signin-username').fill(account.username);
  await page.getByTestId('signin-password').fill('not-the-password1');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toBeVisible();
  await page.getByTestId('signin-password').fill(account.password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('create-meeting')).toBeVisible();
  await snap(page, testInfo.outputPath('03-meetings-home.png'));

  const title = `Weekly sync ${Date.now()}`;
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-kind-instant').click();
  await page.getByTestId('meeting-title-input').fill(title);
  await snap(page, testInfo.outputPath('04-create.png'));
  await page.getByTestId('meeting-create-submit').click();
  await expect(page.getByTestId('meeting-details')).toBeVisible();
  await expect(page.getByTestId('meeting-code')).toHaveText(/\d{3}-\d{3}-\d{3}/);
  await expect(page.getByTestId('invite-web-link-value')).toHaveValue(/\/j\/\d{3}-\d{3}-\d{3}$/);
  await snap(page, testInfo.outputPath('05-details.png'));

  await page.getByTestId('meeting-back').click();
  await expect(page.getByTestId('meeting-list')).toContainText(title);
  await page.getByTestId('meeting-item').filter({ hasText: title }).click();
  await page.getByTestId('meeting-join').click();

  await expect(page.getByTestId('lobby-preview')).toBeVisible();
  await expect.poll(async () => (await previewState(page)).width).toBeGreaterThan(0);
  const first = await previewState(page);
  expect(first.paused).toBe(false);
  await expect.poll(async () => (await previewState(page)).time).toBeGreaterThan(first.time);

  // Chromium's fake microphone beeps periodically: the meter must move, not sit at one value.
  const levels = new Set<string>();
  await expect
    .poll(
      async () => {
        levels.add((await page.getByTestId('mic-meter').getAttribute('data-level')) ?? '');
        return [...levels].filter((level) => Number(level) > 0.01).length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(1);
  await snap(page, testInfo.outputPath('06-lobby.png'));

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('nav-meetings')).toHaveText(/会议/);
  await snap(page, testInfo.outputPath('07-settings-zh.png'));
  await page.getByTestId('nav-meetings').click();
  await expect(page.getByTestId('create-meeting')).toHaveText(/[\u4e00-\u9fff]/);
  await snap(page, testInfo.outputPath('08-home-zh.png'));

  await page.reload();
  await expect(page.getByTestId('create-meeting')).toHaveText(/[\u4e00-\u9fff]/);
});

test('an invite link /j/<code> opens that meeting after sign-in', async ({ page, request }, testInfo) => {
  const host = await registerByApi(request, 'Host');
  const guest = await registerByApi(request, 'Guest');
  const meeting = await createMeetingByApi(request, host, 'Invite check');

  await page.goto(`/j/${meeting.code}`);
  await page.getByTestId('signin-username').fill(guest.username);
  await page.getByTestId('signin-password').fill(guest.password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('lobby-meeting-title')).toHaveText('Invite check');
  await snap(page, testInfo.outputPath('invite-lobby.png'));
});
