import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '@meetai/shared';
import { body, call, createMeeting, signUp, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
let host: Session;
let guest: Session;
beforeAll(async () => {
  t = await buildTestApp();
  host = await signUp(t.app, 'host');
  guest = await signUp(t.app, 'guest');
});
afterAll(() => t.close());

const join = (meeting: Meeting, who: Session, payload: unknown = {}) =>
  call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, payload, who.token);

describe('scheduled meetings', () => {
  it('are upcoming until someone joins, which starts them', async () => {
    const start = new Date(Date.now() + 86_400_000);
    const meeting = await createMeeting(t.app, host, {
      title: 'Planning',
      scheduled_start: start.toISOString().replace('Z', '+00:00'),
      scheduled_end: new Date(start.getTime() + 3_600_000).toISOString(),
    });
    expect(meeting).toMatchObject({ status: 'scheduled', started_at: null, scheduled_start: start.toISOString() });
    const upcoming = await call(t.app, 'GET', '/api/v1/meetings?scope=upcoming', undefined, host.token);
    expect(body<{ list: Meeting[] }>(upcoming).data.list.map((m) => m.id)).toContain(meeting.id);

    const joined = await join(meeting, guest);
    expect(body<{ meeting: Meeting }>(joined).data.meeting).toMatchObject({ status: 'ongoing' });
    expect(body<{ meeting: Meeting }>(joined).data.meeting.started_at).not.toBeNull();
  });

  it('refuses an end before the start', async () => {
    const response = await call(
      t.app,
      'POST',
      '/api/v1/meetings',
      { title: 'Backwards', scheduled_start: '2030-01-02T10:00:00Z', scheduled_end: '2030-01-02T09:00:00Z' },
      host.token,
    );
    expect(response.statusCode).toBe(400);
    expect(body(response).details).toEqual([{ path: 'scheduled_end', message: expect.any(String) }]);
  });
});

describe('host-only actions', () => {
  it('a non-host cannot end, edit or delete: 403 NOT_HOST', async () => {
    const meeting = await createMeeting(t.app, host);
    await join(meeting, guest);
    const attempts = [
      call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/end`, undefined, guest.token),
      call(t.app, 'PUT', `/api/v1/meetings/${meeting.id}`, { title: 'Mine now' }, guest.token),
      call(t.app, 'DELETE', `/api/v1/meetings/${meeting.id}`, undefined, guest.token),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(403);
      expect(body(response).error).toBe('NOT_HOST');
    }
    const still = await call(t.app, 'GET', `/api/v1/meetings/${meeting.id}`, undefined, guest.token);
    expect(body<Meeting>(still).data).toMatchObject({ status: 'ongoing', title: meeting.title });
  });

  it('the host edits title, passcode and lock', async () => {
    const meeting = await createMeeting(t.app, host);
    const response = await call(
      t.app,
      'PUT',
      `/api/v1/meetings/${meeting.id}`,
      { title: 'Renamed', passcode: 'open-sesame', is_locked: true },
      host.token,
    );
    expect(response.statusCode).toBe(200);
    expect(body<Meeting>(response).data).toMatchObject({ title: 'Renamed', has_passcode: true, is_locked: true });
    const cleared = await call(t.app, 'PUT', `/api/v1/meetings/${meeting.id}`, { passcode: null }, host.token);
    expect(body<Meeting>(cleared).data.has_passcode).toBe(false);
  });

  it('deleting a running meeting ends it for everyone and removes it', async () => {
    const meeting = await createMeeting(t.app, host);
    await join(meeting, guest);
    const ended: unknown[] = [];
    const off = t.app.events.on('meeting.ended', (payload) => void ended.push(payload));
    const deleted = await call(t.app, 'DELETE', `/api/v1/meetings/${meeting.id}`, undefined, host.token);
    off();
    expect(deleted.statusCode).toBe(200);
    expect(ended).toEqual([expect.objectContaining({ meetingId: meeting.id, reason: 'deleted' })]);
    const gone = await call(t.app, 'GET', `/api/v1/meetings/${meeting.id}`, undefined, host.token);
    expect(gone.statusCode).toBe(404);
    expect(body(gone).error).toBe('MEETING_NOT_FOUND');
  });
});

describe('joining', () => {
  it('an ended meeting refuses with 409 MEETING_ENDED, and cannot be ended twice', async () => {
    const meeting = await createMeeting(t.app, host);
    await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/end`, undefined, host.token);
    const response = await join(meeting, guest);
    expect(response.statusCode).toBe(409);
    expect(body(response).error).toBe('MEETING_ENDED');
    const again = await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/end`, undefined, host.token);
    expect(again.statusCode).toBe(409);
  });

  it('a passcode meeting: missing -> PASSCODE_REQUIRED, wrong -> WRONG_PASSCODE, right -> joined; the host needs none', async () => {
    const meeting = await createMeeting(t.app, host, { passcode: '2468' });
    expect(meeting.has_passcode).toBe(true);
    const missing = await join(meeting, guest);
    expect(missing.statusCode).toBe(403);
    expect(body(missing).error).toBe('PASSCODE_REQUIRED');
    const wrong = await join(meeting, guest, { passcode: '1357' });
    expect(wrong.statusCode).toBe(403);
    expect(body(wrong).error).toBe('WRONG_PASSCODE');
    expect((await join(meeting, guest, { passcode: '2468' })).statusCode).toBe(200);
    expect((await join(meeting, host)).statusCode).toBe(200);
  });

  it('too many wrong passcodes for one meeting: 429 RATE_LIMITED', async () => {
    const meeting = await createMeeting(t.app, host, { passcode: 'letmein' });
    for (let i = 0; i < 10; i += 1)
      expect((await join(meeting, guest, { passcode: `guess${i}` })).statusCode).toBe(403);
    const blocked = await join(meeting, guest, { passcode: 'letmein' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('a locked meeting refuses newcomers with 403 MEETING_LOCKED but not its host', async () => {
    const meeting = await createMeeting(t.app, host);
    await call(t.app, 'PUT', `/api/v1/meetings/${meeting.id}`, { is_locked: true }, host.token);
    const refused = await join(meeting, guest);
    expect(refused.statusCode).toBe(403);
    expect(body(refused).error).toBe('MEETING_LOCKED');
    expect((await join(meeting, host)).statusCode).toBe(200);
  });

  it('joining twice changes nothing; leaving twice is fine; leaving without joining is 409 NOT_JOINED', async () => {
    const meeting = await createMeeting(t.app, host);
    const first = body<{ participant: { joined_at: string } }>(await join(meeting, guest)).data.participant;
    const second = body<{ participant: { joined_at: string } }>(await join(meeting, guest)).data.participant;
    expect(second.joined_at).toBe(first.joined_at);
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/leave`, undefined, guest.token)).statusCode,
      ).toBe(200);
    }
    const stranger = await signUp(t.app, 'stranger');
    const response = await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/leave`, undefined, stranger.token);
    expect(response.statusCode).toBe(409);
    expect(body(response).error).toBe('NOT_JOINED');
  });

  it('participants are visible to members only: 403 NOT_A_PARTICIPANT otherwise', async () => {
    const meeting = await createMeeting(t.app, host);
    const stranger = await signUp(t.app, 'stranger');
    const response = await call(t.app, 'GET', `/api/v1/meetings/${meeting.id}/participants`, undefined, stranger.token);
    expect(response.statusCode).toBe(403);
    expect(body(response).error).toBe('NOT_A_PARTICIPANT');
  });

  it('an unknown meeting id: 404 MEETING_NOT_FOUND', async () => {
    const response = await call(t.app, 'POST', '/api/v1/meetings/999999/join', {}, guest.token);
    expect(response.statusCode).toBe(404);
    expect(body(response).error).toBe('MEETING_NOT_FOUND');
  });
});

describe('by code', () => {
  it('finds a meeting with or without dashes, for anyone signed in', async () => {
    const meeting = await createMeeting(t.app, host);
    const stranger = await signUp(t.app, 'stranger');
    for (const code of [meeting.code, meeting.code.replaceAll('-', ''), meeting.code.replaceAll('-', '%20')]) {
      const response = await call(t.app, 'GET', `/api/v1/meetings/by-code/${code}`, undefined, stranger.token);
      expect(response.statusCode).toBe(200);
      expect(body<Meeting>(response).data.id).toBe(meeting.id);
    }
  });

  it('a malformed code is 400, an unused one 404, and no token 401', async () => {
    const bad = await call(t.app, 'GET', '/api/v1/meetings/by-code/12-34', undefined, guest.token);
    expect(bad.statusCode).toBe(400);
    expect(body(bad).error).toBe('VALIDATION_FAILED');
    const missing = await call(t.app, 'GET', '/api/v1/meetings/by-code/000-000-000', undefined, guest.token);
    // Codes are random over 10^9 values, so a handful of test meetings never take this one.
    expect(missing.statusCode).toBe(404);
    expect(body(missing).error).toBe('MEETING_NOT_FOUND');
    const anonymous = await call(t.app, 'GET', '/api/v1/meetings/by-code/123-456-789');
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('listing', () => {
  it('pages through the meetings a user hosts', async () => {
    const owner = await signUp(t.app, 'pager');
    for (let i = 0; i < 5; i += 1) await createMeeting(t.app, owner, { title: `Meeting ${i}` });
    const page2 = await call(t.app, 'GET', '/api/v1/meetings?scope=ongoing&page=2&page_size=2', undefined, owner.token);
    expect(body(page2).data).toMatchObject({ total: 5, page: 2, page_size: 2, total_pages: 3 });
    expect(body<{ list: Meeting[] }>(page2).data.list).toHaveLength(2);
    const others = await call(t.app, 'GET', '/api/v1/meetings?scope=ongoing', undefined, guest.token);
    const hostIds = body<{ list: Meeting[] }>(others).data.list.map((m) => m.host_id);
    expect(hostIds).not.toContain(owner.user.id);
  });
});
