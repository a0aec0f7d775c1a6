import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, createMeetingByApi, registerByApi, signIn, tokenFor, type Account } from './fixtures/accounts';
import { startMonitoring, type Monitoring } from './fixtures/monitoring';
import { joinRoom, openParticipant, snap } from './fixtures/room';

const ADMIN: Account = { ...E2E_ADMIN, email: 'e2e_admin@meetai.local', nickname: 'e2e_admin' };
const port = Number(process.env.E2E_PORT ?? 8890);

const card = (page: Page, target: string) => page.locator(`[data-testid="health-card"][data-target="${target}"]`);

async function openAdmin(page: Page, tab: 'health' | 'users' | 'meetings' | 'audit'): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`admin-tab-${tab}`).click();
}

/** How many sweeps the card has seen (its sparkline's bars). */
async function checksOf(page: Page, target: string): Promise<number> {
  return Number(await card(page, target).getByTestId('health-sparkline').getAttribute('data-count'));
}

test.describe('admin mode', () => {
  let monitoring: Monitoring | undefined;
  test.afterAll(async () => monitoring?.stop());

  test('the health panel with the real Prometheus and Alertmanager: up, figures, a firing alert, then Prometheus stopped', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    monitoring = await startMonitoring(port);
    await signIn(page, ADMIN);
    await openAdmin(page, 'health');
    await page.getByTestId('health-refresh-interval').selectOption('5');

    await expect(card(page, 'prometheus')).toHaveAttribute('data-status', 'up', { timeout: 30_000 });
    await expect(card(page, 'alertmanager')).toHaveAttribute('data-status', 'up');
    await expect(card(page, 'gateway')).not.toHaveAttribute('data-status', 'down');
    for (const [target, monitoringPort] of [
      ['jaeger', 8801],
      ['grafana', 8804],
      ['loki', 8805],
    ] as const) {
      await expect(card(page, target)).toHaveAttribute('data-status', 'down');
      await expect(card(page, target).getByTestId('health-card-message')).toHaveText(
        `connection refused on localhost:${monitoringPort}`,
      );
    }
    await expect(card(page, 'traces').getByTestId('health-card-message')).toHaveText(
      /^off: .*OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    await expect(card(page, 'logs').getByTestId('health-card-message')).toHaveText(/^off: .*LOKI_URL/);

    // Prometheus's first scrapes reach the panel as figures (polled: the first one comes a scrape interval after start).
    await expect(page.getByTestId('figures-panel')).toHaveAttribute('data-status', 'up', { timeout: 30_000 });
    await expect(page.locator('[data-testid="figure"][data-figure="participants"]')).not.toHaveAttribute(
      'data-value',
      '',
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('alerts-none')).toBeVisible();
    await snap(page, testInfo.outputPath('01-health-up.png'));

    // A real failure: one mediasoup worker of the server killed. The pool replaces it; MeetAIWorkerDied fires.
    const health = await (await request.get('/health')).json();
    const pid = Number(/pid (\d+)/.exec(health.checks.media.message)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await expect(page.locator('[data-testid="alert-item"][data-alert="MeetAIWorkerDied"]')).toBeVisible({
      timeout: 45_000,
    });
    await snap(page, testInfo.outputPath('02-alert-firing.png'));

    // Prometheus stops: the next sweep after it is gone shows it down, and figures say why they are missing.
    await monitoring.quitPrometheus();
    const before = await checksOf(page, 'prometheus');
    await expect.poll(() => checksOf(page, 'prometheus'), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect(card(page, 'prometheus')).toHaveAttribute('data-status', 'down', { timeout: 1 });
    await expect(card(page, 'prometheus').getByTestId('health-card-message')).toHaveText(
      'connection refused on localhost:8802',
    );
    await expect(page.getByTestId('figures-unreachable')).toContainText('connection refused on localhost:8802');
    await expect(card(page, 'prometheus').getByTestId('health-card-since')).toBeVisible();
    await snap(page, testInfo.outputPath('03-prometheus-down.png'));
  });

  test('someone who is not an admin sees no admin mode, and the server refuses them', async ({ page, request }) => {
    const user = await registerByApi(request, 'Plain');
    await signIn(page, user);
    await expect(page.getByTestId('nav-settings')).toBeVisible();
    await expect(page.getByTestId('nav-admin')).toHaveCount(0);
    await page.goto('/#/admin');
    await expect(page.getByTestId('admin-forbidden')).toBeVisible();
    const token = await tokenFor(request, user.username, user.password);
    const refused = await request.get('/api/v1/admin/health', { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(403);
  });

  test('force-ending a meeting sends everyone home with the message; a ban ends the user’s meeting and their next sign-in says why', async ({
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    const admin = await openParticipant(browser, ADMIN);
    const host = await openParticipant(browser, await registerByApi(request, 'Hana'));
    const guest = await openParticipant(browser, await registerByApi(request, 'Gus'));
    const meeting = await createMeetingByApi(request, host.account, `Standup ${Date.now()}`);
    await joinRoom(host, meeting.id);
    await joinRoom(guest, meeting.id);

    await openAdmin(admin.page, 'meetings');
    await admin.page.getByTestId('meetings-search').fill(meeting.code);
    const row = admin.page.locator(`[data-testid="meeting-row"][data-code="${meeting.code}"]`);
    await expect(row.locator('[data-testid="meeting-person"][data-connected="true"]')).toHaveCount(2);
    await row.getByTestId('meeting-force-end').click();
    await row.getByTestId('meeting-end-message').fill('Maintenance until 10:00, sorry!');
    await snap(admin.page, testInfo.outputPath('01-confirm-end.png'));
    await row.getByTestId('meeting-force-end-confirm').click();
    for (const person of [host, guest]) {
      await expect(person.page.getByTestId('room-ended')).toHaveAttribute('data-reason', 'admin-ended');
      await expect(person.page.getByTestId('room-ended-message')).toHaveText('Maintenance until 10:00, sorry!');
    }
    await snap(guest.page, testInfo.outputPath('02-sent-home.png'));
    await expect(row).toHaveCount(0);

    // A ban: the guest is in another meeting when it lands.
    const second = await createMeetingByApi(request, host.account, `Retro ${Date.now()}`);
    await joinRoom(host, second.id);
    await joinRoom(guest, second.id);
    await admin.page.getByTestId('admin-tab-users').click();
    await admin.page.getByTestId('users-search').fill(guest.account.username);
    const userRow = admin.page.locator(`[data-testid="user-row"][data-username="${guest.account.username}"]`);
    await userRow.getByTestId('user-ban').click();
    await userRow.getByTestId('user-ban-reason').fill('Spam in chat');
    await userRow.getByTestId('user-ban-confirm').click();
    await expect(userRow).toHaveAttribute('data-banned', 'true');
    await expect(guest.page.getByTestId('room-ended')).toHaveAttribute('data-reason', 'kicked');
    await snap(guest.page, testInfo.outputPath('03-banned-in-meeting.png'));

    await guest.page.goto('/#/sign-in');
    await guest.page.getByTestId('signin-username').fill(guest.account.username);
    await guest.page.getByTestId('signin-password').fill(guest.account.password);
    await guest.page.getByTestId('signin-submit').click();
    await expect(guest.page.getByTestId('signin-error')).toContainText('Spam in chat');
    await snap(guest.page, testInfo.outputPath('04-sign-in-refused.png'));

    await admin.page.getByTestId('admin-tab-audit').click();
    await expect(admin.page.locator('[data-testid="audit-row"][data-action="user.ban"]').first()).toBeVisible();
    await expect(
      admin.page.locator('[data-testid="audit-row"][data-action="meeting.force_end"]').first(),
    ).toBeVisible();
    await snap(admin.page, testInfo.outputPath('05-audit.png'));
    for (const p of [admin, host, guest]) await p.context.close();
  });
});
