import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Meeting, TokenPair } from '@meetai/shared';
import { PASSWORD, login, uniqueName } from './helpers/api';
import { startServerProcess } from './helpers/server-process';
import { buildTestApp } from './helpers/test-app';

const dataDir = mkdtempSync(path.join(tmpdir(), 'meetai-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function post<T>(url: string, payload: unknown, token?: string): Promise<{ status: number; data: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload),
  });
  const json = (await response.json()) as { data: T };
  return { status: response.status, data: json.data };
}

describe('the server as a real process on a real port', () => {
  it('serves HTTP, then on SIGTERM closes its connections and the database and exits 0', async () => {
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      WEB_DIR: path.join(dataDir, 'no-web'),
      ADMIN_USERNAME: 'boss',
      ADMIN_PASSWORD: 'boss password 1',
    });
    const username = uniqueName('proc');
    const registered = await post(`${server.url}/api/v1/auth/register`, {
      username,
      email: `${username}@example.com`,
      password: PASSWORD,
    });
    expect(registered.status).toBe(201);
    const pair = await post<TokenPair>(`${server.url}/api/v1/auth/login`, { username, password: PASSWORD });
    expect(pair.status).toBe(200);
    const created = await post<Meeting>(`${server.url}/api/v1/meetings`, { title: 'Over the wire' }, pair.data.token);
    expect(created.status).toBe(201);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const messages = server.logs.map((entry) => entry.msg);
    expect(messages).toContain('created the first admin account');
    expect(messages).toContain('stopped');

    // Everything written before the signal is on disk for the next start.
    const reopened = await buildTestApp({}, dataDir);
    const session = await login(reopened.app, username);
    const admin = await login(reopened.app, 'boss', 'boss password 1');
    expect(admin.user.role).toBe('admin');
    const list = await reopened.app.inject({
      method: 'GET',
      url: '/api/v1/meetings?scope=ongoing',
      headers: session.headers,
    });
    expect(list.json().data.list.map((m: Meeting) => m.title)).toEqual(['Over the wire']);
    await reopened.close({ keepData: true });
  });
});
