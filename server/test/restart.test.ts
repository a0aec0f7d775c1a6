import { afterAll, describe, expect, it } from 'vitest';
import type { Meeting, TokenPair } from '@meetai/shared';
import { body, call, createMeeting, signUp } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let second: TestApp | undefined;
afterAll(() => second?.close());

describe('restart on the same data dir', () => {
  it('keeps accounts, meetings, attendance and sessions (the generated JWT secret persists too)', async () => {
    const first = await buildTestApp();
    const session = await signUp(first.app);
    const meeting = await createMeeting(first.app, session, { title: 'Survives restarts', passcode: 'keep-me' });
    await call(first.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, {}, session.token);
    await first.close({ keepData: true });

    second = await buildTestApp({}, first.dataDir);
    // The access token from before the restart still verifies: same secret, read back from the data dir.
    const listed = await call(second.app, 'GET', '/api/v1/meetings?scope=ongoing', undefined, session.token);
    expect(listed.statusCode).toBe(200);
    const [found] = body<{ list: Meeting[] }>(listed).data.list;
    expect(found).toMatchObject({ id: meeting.id, code: meeting.code, has_passcode: true, participant_count: 1 });

    const refreshed = await call(second.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    expect(body<TokenPair>(refreshed).data.user.id).toBe(session.user.id);

    const login = await call(second.app, 'POST', '/api/v1/auth/login', {
      username: session.user.username,
      password: 'correct horse 42',
    });
    expect(login.statusCode).toBe(200);
    const byCode = await call(second.app, 'GET', `/api/v1/meetings/by-code/${meeting.code}`, undefined, session.token);
    expect(body<Meeting>(byCode).data.title).toBe('Survives restarts');
  });
});
