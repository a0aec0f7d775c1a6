import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';

export type TestApp = {
  app: App;
  config: Config;
  dataDir: string;
  /** Closes the app; removes the data dir unless `keepData` (to restart on it). */
  close: (options?: { keepData?: boolean }) => Promise<void>;
};

export const TEST_PUBLIC_URL = 'http://meet.test:8800';

/**
 * The real app (real SQLite file, real argon2, real JWTs) in a fresh temp data
 * dir. Pass `dataDir` to reopen one a previous app left behind.
 */
export async function buildTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'meetai-test-'));
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PUBLIC_URL: TEST_PUBLIC_URL,
    WEB_DIR: path.join(dir, 'no-web-build'),
    // One worker is enough for a test and halves the processes each test file starts.
    MEDIASOUP_WORKERS: '1',
    // Every test client comes from 127.0.0.1: per-address limits are tested on their own (rate-limit.test.ts).
    RATE_LIMIT_REGISTER: '10000/1h',
    RATE_LIMIT_REFRESH: '10000/1m',
    RATE_LIMIT_TICKET: '10000/1m',
    ...env,
  });
  const app = await buildApp(config);
  await app.ready();
  let isClosed = false;
  return {
    app,
    config,
    dataDir: dir,
    close: async ({ keepData = false } = {}) => {
      if (!isClosed) await app.close();
      isClosed = true;
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function randomJwtSecret(): string {
  return randomBytes(32).toString('base64url');
}
