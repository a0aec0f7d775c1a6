import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ServerProcess = { url: string; pid: number; stop: () => Promise<void> };

let isBuilt = false;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The real server as its own process (so its CPU and memory are measured
 * apart from the load generator), on a free port with a fresh data dir.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  // Measure what `npm start` runs: the bundled server under plain node, built once per bench run.
  if (!isBuilt) {
    const built = spawnSync('npm', ['run', 'build', '-w', '@meetai/server'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the server failed');
    isBuilt = true;
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetai-bench-'));
  const child: ChildProcess = spawn(process.execPath, ['server/dist/main.mjs'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MEDIASOUP_LISTEN_IP: '127.0.0.1',
      MEDIASOUP_ANNOUNCED_IP: '127.0.0.1',
      // Every bench client comes from 127.0.0.1: per-address limits would measure themselves, not the server.
      RATE_LIMIT_REGISTER: '100000/1h',
      RATE_LIMIT_REFRESH: '100000/1m',
      RATE_LIMIT_TICKET: '100000/1m',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${url}/health`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (attempt > 200 || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Direct children of a process (the mediasoup workers of the server). */
export function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        const stat = readFileSync(`/proc/${candidate}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
}

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The whisper worker among a server's child processes, if it runs one. */
export function whisperWorkerPid(serverPid: number): number | undefined {
  return childPids(serverPid).find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('whisper_worker');
    } catch {
      return false;
    }
  });
}

/** CPU time the whole machine has spent busy, and in all, so far (seconds summed over cores, /proc/stat). */
export function machineCpuSeconds(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, ticks) => sum + ticks, 0);
  // idle and iowait
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}
