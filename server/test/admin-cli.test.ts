import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { login } from './helpers/api';
import { REPO_ROOT, SERVER_ROOT } from './helpers/server-process';
import { buildTestApp, type TestApp } from './helpers/test-app';

const opened: TestApp[] = [];
afterAll(async () => {
  for (const t of opened) await t.close();
});

function admin(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(SERVER_ROOT, 'src/admin-cli.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('npm run admin -- create', () => {
  it('creates an admin account that can sign in, with the password from ADMIN_PASSWORD', async () => {
    const t = await buildTestApp();
    opened.push(t);
    await t.app.close();
    const result = admin(['create', 'chief', 'chief@example.com'], {
      DATA_DIR: t.dataDir,
      ADMIN_PASSWORD: 'chief pass 99',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Created admin "chief"');
    expect(result.status).toBe(0);
    const reopened = await buildTestApp({}, t.dataDir);
    opened.push(reopened);
    const session = await login(reopened.app, 'chief', 'chief pass 99');
    expect(session.user.role).toBe('admin');
  });

  it('explains its usage, a taken name and a weak password, exiting 1', async () => {
    const t = await buildTestApp();
    opened.push(t);
    await t.app.close();
    const usage = admin(['make', 'x'], { DATA_DIR: t.dataDir, ADMIN_PASSWORD: 'chief pass 99' });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run admin -- create <username> <email>');
    const weak = admin(['create', 'chief', 'chief@example.com'], { DATA_DIR: t.dataDir, ADMIN_PASSWORD: 'weak' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password');
    expect(
      admin(['create', 'chief', 'chief@example.com'], { DATA_DIR: t.dataDir, ADMIN_PASSWORD: 'chief pass 99' }).status,
    ).toBe(0);
    const taken = admin(['create', 'CHIEF', 'other@example.com'], {
      DATA_DIR: t.dataDir,
      ADMIN_PASSWORD: 'chief pass 99',
    });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('username is taken');
  });
});

describe('first admin from the environment', () => {
  it('is created at first start and left alone afterwards', async () => {
    const env = { ADMIN_USERNAME: 'founder', ADMIN_PASSWORD: 'founder pass 1' };
    const first = await buildTestApp(env);
    opened.push(first);
    expect((await login(first.app, 'founder', 'founder pass 1')).user.role).toBe('admin');
    await first.app.close();
    const again = await buildTestApp({ ...env, ADMIN_PASSWORD: 'another pass 2' }, first.dataDir);
    opened.push(again);
    // The password from the first start still holds: an existing admin is never overwritten.
    await expect(login(again.app, 'founder', 'founder pass 1')).resolves.toBeDefined();
  });
});
