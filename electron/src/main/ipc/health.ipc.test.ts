import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcMain, invokeEventFrom } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import * as healthIpc from './health.ipc';

vi.mock('electron', () => import('../../test/electron-mock'));

describe('health.ipc (electron mocked)', () => {
  let server: Server;
  let gateway: string;

  beforeAll(async () => {
    // A gateway that answers /health, as the real one does, with no CORS headers at all.
    server = createServer((request, response) => {
      response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', checks: {} }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    healthIpc.register({ appOrigin: APP_ORIGIN });
  });
  afterAll(async () => {
    healthIpc.dispose();
    await new Promise((resolve) => server.close(resolve));
  });

  it('probes the targets from the main process with the shared probes (electron mocked)', async () => {
    const answer = (await ipcMain.invoke('health:probe', invokeEventFrom(`${APP_ORIGIN}/index.html#/admin`), {
      targets: [{ name: 'gateway', url: gateway }],
      timeout_ms: 2000,
    })) as { ok: boolean; data: { targets: { name: string; url: string; http_status: number | null }[] } };
    expect(answer.ok).toBe(true);
    expect(answer.data.targets).toEqual([
      expect.objectContaining({ name: 'gateway', url: `${gateway}/health`, http_status: 200 }),
    ]);
  });
});
