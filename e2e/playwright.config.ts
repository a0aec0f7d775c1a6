import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { E2E_ADMIN } from './fixtures/accounts';
import { chromiumLaunchOptions } from './fixtures/chromium';

const port = Number(process.env.E2E_PORT ?? 8890);
const dataDir = path.join(os.tmpdir(), `meetai-e2e-${process.pid}`);

/**
 * The real server (all services, real SQLite file in a fresh temp dir, real
 * mediasoup worker) serves the web build; Debian's Chromium drives it with
 * fake camera and microphone. Screenshots of every step are kept as artifacts.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://localhost:${port}`,
    // Browsers and the SFU meet on the loopback interface.
    launchOptions: chromiumLaunchOptions(['--allow-loopback-in-peer-connection']),
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  webServer: {
    command: 'node --import tsx server/src/main.ts',
    cwd: '..',
    url: `http://localhost:${port}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://localhost:${port}`,
      WEB_DIR: 'renderer/dist',
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      // Browsers and server share the loopback interface here.
      MEDIASOUP_LISTEN_IP: '127.0.0.1',
      MEDIASOUP_ANNOUNCED_IP: '127.0.0.1',
      // Every browser and API helper comes from 127.0.0.1; the per-address limits have their own server tests.
      RATE_LIMIT_REGISTER: '10000/1h',
      RATE_LIMIT_REFRESH: '10000/1m',
      RATE_LIMIT_TICKET: '10000/1m',
    },
  },
});
