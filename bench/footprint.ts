import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './lib/browser-participant';
import { printTable, median } from './lib/report';
import { REPO_ROOT, childPids, rssMb, type ServerProcess } from './lib/server-process';

/** Server memory after it has sat idle for a few seconds. */
export async function benchIdleMemory(server: ServerProcess): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const workers = childPids(server.pid);
  printTable('server memory, idle (target: Node process under 150 MB)', [
    { process: 'node (all services)', 'RSS MB': rssMb(server.pid) },
    ...workers.map((pid) => ({ process: `mediasoup worker ${pid}`, 'RSS MB': rssMb(pid) })),
  ]);
}

/** Gzipped size of the JavaScript the sign-in screen needs (entry plus its static imports). */
export function benchBundle(): void {
  const dist = path.join(REPO_ROOT, 'renderer/dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1] as string);
  const rows = files.map((file) => {
    const content = readFileSync(path.join(dist, file));
    return {
      file,
      'raw KB': Math.round(content.length / 102.4) / 10,
      'gzip KB': Math.round(gzipSync(content).length / 102.4) / 10,
    };
  });
  const total = rows.reduce((sum, row) => sum + row['gzip KB'], 0);
  printTable('renderer initial JavaScript (target: under 500 KB gzipped)', [
    ...rows,
    { file: 'total', 'raw KB': '', 'gzip KB': Math.round(total * 10) / 10 },
  ]);
}

/** Cold load: a fresh browser profile opens the app until the sign-in form is on screen. */
export async function benchColdLoad(server: ServerProcess, runs = 5): Promise<void> {
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(server.url);
      await page.getByTestId('signin-username').waitFor({ state: 'visible' });
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  printTable('cold load to the sign-in screen (target: under 1500 ms)', [
    {
      runs,
      'median ms': Math.round(median(times)),
      'min ms': Math.round(Math.min(...times)),
      'max ms': Math.round(Math.max(...times)),
    },
  ]);
}
