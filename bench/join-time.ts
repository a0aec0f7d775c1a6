import os from 'node:os';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { TRACK_PEER_CONNECTIONS } from '../e2e/fixtures/peer-connections';
import { startBarePageServer, type BarePageServer } from './bare/bare-page';
import { createMeeting, createUsers, post, type BenchUser } from './lib/accounts';
import { joinFromLobby, launchBrowser, leaveRoom, openLobby, signedInPage } from './lib/browser-participant';
import { median, printTable } from './lib/report';
import type { ServerProcess } from './lib/server-process';

/** Runs of each kind, interleaved so that a change in the machine's load hits them alike. */
const RUNS = Number(process.env.BENCH_JOIN_RUNS ?? 5);
/** A person looks at their preview before clicking Join; the app may use that moment. */
const LOOK_AT_PREVIEW_MS = 1000;
const TARGET_RATIO = 1.5;

type Start = { kind: 'click-join' } | { kind: 'bare'; url: string; isSending: boolean };

/**
 * Inside the page: starts the join (clicks Join, or calls the bare client)
 * and times it until the first remote video frame is decoded, polling the
 * page's peer connections (TRACK_PEER_CONNECTIONS) the same way for both.
 */
function timeToFirstFrame(page: Page, start: Start): Promise<number> {
  return page.evaluate(async (how) => {
    const started = performance.now();
    if (how.kind === 'click-join') {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="join-button"]');
      if (!button) throw new Error('no join button');
      button.click();
    } else {
      const bare = window as unknown as { bareJoin(url: string, options: { isSending: boolean }): Promise<void> };
      void bare.bareJoin(how.url, { isSending: how.isSending });
    }
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (;;) {
      for (const pc of connections) {
        if (pc.connectionState === 'closed') continue;
        let decoded = 0;
        (await pc.getStats()).forEach((stat) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video') decoded += stat.framesDecoded ?? 0;
        });
        if (decoded > 0) return performance.now() - started;
      }
      if (performance.now() - started > 30_000) throw new Error('no remote frame within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }, start);
}

async function freshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 960, height: 600 } });
  await context.addInitScript(TRACK_PEER_CONNECTIONS);
  return { context, page: await context.newPage() };
}

let registered = 0;

/** A new user signs up through the register form and lands on the meetings home. */
async function registerThroughUi(page: Page, url: string, role: string): Promise<void> {
  registered += 1;
  const username = `${role}_${process.pid}_${registered}`;
  await page.goto(`${url}/#/register`);
  await page.getByTestId('register-username').fill(username);
  await page.getByTestId('register-email').fill(`${username}@bench.test`);
  await page.getByTestId('register-password').fill('bench-password-1');
  await page.getByTestId('register-submit').click();
  await page.getByTestId('create-meeting').waitFor();
}

/** The creator's side: a new instant meeting, joined through its lobby; answers its code. */
async function createAndJoinThroughUi(page: Page): Promise<string> {
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-kind-instant').click();
  await page.getByTestId('meeting-title-input').fill('First join');
  await page.getByTestId('meeting-create-submit').click();
  const code = (await page.getByTestId('meeting-code').textContent())?.trim() ?? '';
  await page.getByTestId('meeting-join').click();
  await joinFromLobby(page);
  return code;
}

/** Waits until the lobby shows the camera, then as long as a person would look at it. */
async function lookAtPreview(page: Page): Promise<void> {
  await page.getByTestId('join-button').waitFor();
  await page.waitForFunction(
    () => (document.querySelector<HTMLVideoElement>('[data-testid="lobby-preview"]')?.videoWidth ?? 0) > 0,
  );
  await page.waitForTimeout(LOOK_AT_PREVIEW_MS);
}

/** A fresh user in a fresh context creates an instant meeting and joins it, sending camera and mic. */
async function freshCreator(browser: Browser, url: string) {
  const creator = await freshContext(browser);
  await registerThroughUi(creator.page, url, 'jtc');
  const code = await createAndJoinThroughUi(creator.page);
  const meetingId = Number(/#\/room\/(\d+)/.exec(creator.page.url())?.[1]);
  return { ...creator, code, meetingId };
}

/**
 * The measure: a fresh browser context, registered through the UI,
 * joins by code, passes the lobby and clicks Join now → first remote video
 * frame decoded (from the creator, itself fresh from its own join).
 */
async function freshFirstJoin(browser: Browser, url: string, code: string): Promise<number> {
  const joiner = await freshContext(browser);
  try {
    await registerThroughUi(joiner.page, url, 'jtj');
    await joiner.page.getByTestId('join-code-input').fill(code);
    await joiner.page.getByTestId('join-code-submit').click();
    await lookAtPreview(joiner.page);
    const ms = await timeToFirstFrame(joiner.page, { kind: 'click-join' });
    await leaveRoom(joiner.page);
    return ms;
  } finally {
    await joiner.context.close();
  }
}

/** The floor: a page that already has mediasoup-client loaded joins with a ticket the bench fetched. */
async function bareJoin(
  browser: Browser,
  server: ServerProcess,
  pages: BarePageServer,
  user: BenchUser,
  meetingId: number,
  isSending: boolean,
): Promise<number> {
  const bare = await freshContext(browser);
  try {
    await bare.page.goto(pages.pageUrl);
    await post(server.url, `/api/v1/meetings/${meetingId}/join`, {}, user.token);
    const ticket = await post(server.url, `/api/v1/meetings/${meetingId}/ticket`, {}, user.token);
    const wsUrl = `${server.url.replace(/^http/, 'ws')}${String(ticket.data.ws_path)}`;
    const ms = await timeToFirstFrame(bare.page, { kind: 'bare', url: wsUrl, isSending });
    await bare.page.evaluate(() => (window as unknown as { bareLeave(): Promise<void> }).bareLeave());
    return ms;
  } finally {
    await bare.context.close();
  }
}

/** The old figure: the same page leaves and joins again, everything loaded and warm. */
async function warmJoins(browser: Browser, url: string, user: BenchUser, meetingId: number): Promise<number[]> {
  const page = await signedInPage(browser, url, user);
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await openLobby(page, url, meetingId);
    runs.push(await timeToFirstFrame(page, { kind: 'click-join' }));
    await leaveRoom(page);
  }
  await page.context().close();
  return runs;
}

const row = (measure: string, times: number[]) => ({
  measure,
  'median ms': Math.round(median(times)),
  'min ms': Math.round(Math.min(...times)),
  'max ms': Math.round(Math.max(...times)),
  runs: times.map((t) => Math.round(t)).join(' '),
});

/**
 * `npm run bench -- join-time`: click Join → first remote video frame
 * decoded, for a first join from a fresh browser context (the default figure),
 * beside a warm page's repeated joins and bare mediasoup-client doing the same
 * join in the same run; prints the ratio of the first join to the bare one.
 */
export async function benchJoinTime(server: ServerProcess): Promise<void> {
  const [sender, warmUser, bareUser] = await createUsers(server.url, 'jt', 3);
  const browser = await launchBrowser();
  const pages = await startBarePageServer();
  const fresh: number[] = [];
  const bareSending: number[] = [];
  const bareReceiving: number[] = [];
  let warm: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      // Each run: a fresh creator; then, in turn, the app's first join and the bare joins of its meeting.
      const creator = await freshCreator(browser, server.url);
      const joins = [
        async () => fresh.push(await freshFirstJoin(browser, server.url, creator.code)),
        async () => bareSending.push(await bareJoin(browser, server, pages, bareUser!, creator.meetingId, true)),
        async () => bareReceiving.push(await bareJoin(browser, server, pages, bareUser!, creator.meetingId, false)),
      ];
      // Rotated, so that no kind always meets the sender at the same age.
      for (let i = 0; i < joins.length; i += 1) await joins[(run + i) % joins.length]!();
      await leaveRoom(creator.page);
      await creator.context.close();
    }
    // The warm figure: a page that has joined before, beside a sender that has been sending a while.
    const meetingId = await createMeeting(server.url, sender!, 'Join time');
    const senderPage = await signedInPage(browser, server.url, sender!);
    await openLobby(senderPage, server.url, meetingId);
    await joinFromLobby(senderPage);
    warm = await warmJoins(browser, server.url, warmUser!, meetingId);
  } finally {
    await browser.close();
    await pages.close();
  }
  const floor = median(bareSending);
  printTable(
    `join time: click Join → first remote video frame decoded, ${RUNS} runs each ` +
      `(load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)`,
    [
      row('first join, fresh browser context', fresh),
      row('warm page, repeated joins', warm),
      row('bare mediasoup-client, sending and receiving', bareSending),
      row('bare mediasoup-client, receiving only', bareReceiving),
    ],
  );
  printTable(`first join against bare mediasoup-client (target ≤ ${TARGET_RATIO}×)`, [
    {
      'first join median ms': Math.round(median(fresh)),
      'bare (same job) median ms': Math.round(floor),
      ratio: `${(median(fresh) / floor).toFixed(2)}×`,
      'ratio to receiving only': `${(median(fresh) / median(bareReceiving)).toFixed(2)}×`,
    },
  ]);
}
