import { describe, expect, it } from 'vitest';
import { SERVICE_PORTS } from '@meetai/shared';
import { call, signUp } from './helpers/api';
import { buildTestApp, randomJwtSecret } from './helpers/test-app';

describe('SERVICES mounts a subset of the modules', () => {
  it('auth alone: the user service answers; meeting routes are not there; /health names it', async () => {
    const t = await buildTestApp({ SERVICES: 'auth' });
    expect(t.config.port).toBe(SERVICE_PORTS.user);
    const session = await signUp(t.app);
    const meetings = await call(t.app, 'GET', '/api/v1/meetings', undefined, session.token);
    expect(meetings.statusCode).toBe(404);
    const health = await call(t.app, 'GET', '/health');
    expect(health.json()).toMatchObject({ service: 'auth', checks: { db: { status: 'ok' }, auth: { status: 'ok' } } });
    expect(Object.keys(health.json().checks)).toEqual(['db', 'auth']);
    await t.close();
  });

  it('meetings alone accepts tokens the auth service issued with the same secret and data', async () => {
    const secret = randomJwtSecret();
    const auth = await buildTestApp({ SERVICES: 'auth', JWT_SECRET: secret });
    const session = await signUp(auth.app);
    await auth.close({ keepData: true });

    const meetings = await buildTestApp({ SERVICES: 'meetings', JWT_SECRET: secret }, auth.dataDir);
    expect(meetings.config.port).toBe(SERVICE_PORTS.meeting);
    const created = await call(meetings.app, 'POST', '/api/v1/meetings', { title: 'Split' }, session.token);
    expect(created.statusCode).toBe(201);
    expect((await call(meetings.app, 'POST', '/api/v1/auth/login', {})).statusCode).toBe(404);
    await meetings.close();
  });
});
