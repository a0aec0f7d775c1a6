import type { Browser, Page } from '@playwright/test';
import { createMeeting, createUsers } from './lib/accounts';
import {
  joinFromLobby,
  launchBrowser,
  leaveRoom,
  openLobby,
  signedInPage,
  waitForDecodingVideos,
} from './lib/browser-participant';
import { printTable } from './lib/report';
import { childPids, cpuSeconds, rssMb, type ServerProcess } from './lib/server-process';

const CPU_WINDOW_MS = 10_000;
const CYCLES = 20;

async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

function serverCpu(server: ServerProcess): { node: number; workers: number } {
  const workers = childPids(server.pid).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  return { node: cpuSeconds(server.pid), workers };
}

function serverRss(server: ServerProcess): { node: number; workers: number } {
  return { node: rssMb(server.pid), workers: childPids(server.pid).reduce((sum, pid) => sum + rssMb(pid), 0) };
}

/** CPU and memory of the Node process and the mediasoup workers with n participants all sending camera and mic. */
export async function benchSfuCost(server: ServerProcess): Promise<void> {
  const rows = [];
  for (const n of [2, 4, 6]) {
    const users = await createUsers(server.url, `sfu${n}`, n);
    const meetingId = await createMeeting(server.url, users[0]!, `SFU ${n}`);
    const row = await withBrowser(async (browser) => {
      const pages: Page[] = [];
      for (const user of users) {
        const page = await signedInPage(browser, server.url, user);
        await openLobby(page, server.url, meetingId);
        await joinFromLobby(page);
        pages.push(page);
      }
      for (const page of pages) await waitForDecodingVideos(page, n - 1);
      const before = serverCpu(server);
      await new Promise((resolve) => setTimeout(resolve, CPU_WINDOW_MS));
      const after = serverCpu(server);
      const memory = serverRss(server);
      for (const page of pages) await leaveRoom(page);
      const seconds = CPU_WINDOW_MS / 1000;
      const nodeCpu = ((after.node - before.node) / seconds) * 100;
      const workerCpu = ((after.workers - before.workers) / seconds) * 100;
      const streams = n * (n - 1);
      return {
        participants: n,
        'video streams forwarded': streams,
        'node CPU %': nodeCpu.toFixed(1),
        'workers CPU %': workerCpu.toFixed(1),
        'node/workers': workerCpu > 0 ? `${((nodeCpu / workerCpu) * 100).toFixed(0)}%` : 'n/a',
        'workers CPU % per stream': (workerCpu / streams).toFixed(2),
        'node RSS MB': memory.node,
        'workers RSS MB': memory.workers.toFixed(1),
      };
    });
    rows.push(row);
  }
  printTable(
    'SFU cost, everyone sending camera (simulcast) and mic (target: node CPU under 10% of the workers at 6)',
    rows,
  );
}

const TRACKED_METRICS = [
  'meetai_media_peers',
  'meetai_media_transports',
  'meetai_media_producers',
  'meetai_media_consumers',
  'nodejs_heap_size_used_bytes',
] as const;

/** The server's own counts of live media objects, and its V8 heap, from /metrics. */
async function mediaCounts(server: ServerProcess): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const name of TRACKED_METRICS) {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    counts[name] = Number(line?.split(' ')[1] ?? NaN);
  }
  return counts;
}

/**
 * Two batches of 20 join/leave cycles beside a steady participant: RSS after
 * each batch (a leak keeps growing batch after batch; a warming heap does
 * not), and the live media objects, which must come back to where they were.
 */
export async function benchJoinLeaveCycles(server: ServerProcess): Promise<void> {
  const [steady, cycler] = await createUsers(server.url, 'cyc', 2);
  const meetingId = await createMeeting(server.url, steady!, 'Cycles');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));
  const snapshots = await withBrowser(async (browser) => {
    const steadyPage = await signedInPage(browser, server.url, steady!);
    await openLobby(steadyPage, server.url, meetingId);
    await joinFromLobby(steadyPage);
    const page = await signedInPage(browser, server.url, cycler!);
    const cycle = async () => {
      await openLobby(page, server.url, meetingId);
      await joinFromLobby(page);
      await waitForDecodingVideos(page, 1);
      await leaveRoom(page);
    };
    await cycle();
    await settle();
    const taken = [{ label: 'after warm-up', rss: serverRss(server), counts: await mediaCounts(server) }];
    for (const batch of [1, 2]) {
      for (let i = 0; i < CYCLES; i += 1) await cycle();
      await settle();
      taken.push({
        label: `after ${batch * CYCLES} cycles`,
        rss: serverRss(server),
        counts: await mediaCounts(server),
      });
    }
    return taken;
  });
  printTable(
    `memory and live media objects over ${2 * CYCLES} join/leave cycles (one participant stays)`,
    snapshots.map((snapshot) => ({
      when: snapshot.label,
      'node RSS MB': snapshot.rss.node,
      'node heap used MB': (snapshot.counts.nodejs_heap_size_used_bytes! / 1048576).toFixed(1),
      'workers RSS MB': snapshot.rss.workers.toFixed(1),
      peers: snapshot.counts.meetai_media_peers!,
      transports: snapshot.counts.meetai_media_transports!,
      producers: snapshot.counts.meetai_media_producers!,
      consumers: snapshot.counts.meetai_media_consumers!,
    })),
  );
}
