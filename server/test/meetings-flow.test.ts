import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JoinMeetingResultSchema,
  MeetingSchema,
  ParticipantListSchema,
  TokenPairSchema,
  envelopeOf,
  pageOf,
  type Meeting,
} from '@meetai/shared';
import type { AppEvents } from '../src/events/app-events';
import { PASSWORD, body, call, register } from './helpers/api';
import { TEST_PUBLIC_URL, buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the whole path: register -> login -> refresh -> create -> list -> join -> leave -> end', () => {
  it('works end to end for a host and a guest, publishing events on the way', async () => {
    const events: { name: keyof AppEvents; payload: unknown }[] = [];
    const names: (keyof AppEvents)[] = ['participant.joined', 'participant.left', 'meeting.ended'];
    const unsubscribe = names.map((name) => t.app.events.on(name, (payload) => void events.push({ name, payload })));

    const hostUser = await register(t.app, { nickname: 'Host Ada' });
    const guestUser = await register(t.app);

    const login = await call(t.app, 'POST', '/api/v1/auth/login', { username: hostUser.username, password: PASSWORD });
    const first = envelopeOf(TokenPairSchema).parse(login.json()).data;
    const refreshed = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: first.refresh_token });
    const host = envelopeOf(TokenPairSchema).parse(refreshed.json()).data.token;
    const guestLogin = await call(t.app, 'POST', '/api/v1/auth/login', {
      username: guestUser.username,
      password: PASSWORD,
    });
    const guest = body<{ token: string }>(guestLogin).data.token;

    const created = await call(
      t.app,
      'POST',
      '/api/v1/meetings',
      { title: 'Design review', description: '评审' },
      host,
    );
    expect(created.statusCode).toBe(201);
    const meeting = envelopeOf(MeetingSchema).parse(created.json()).data;
    expect(meeting).toMatchObject({
      title: 'Design review',
      description: '评审',
      status: 'ongoing',
      host_id: hostUser.id,
      host_name: 'Host Ada',
      has_passcode: false,
      is_locked: false,
      participant_count: 0,
      join_url: `${TEST_PUBLIC_URL}/j/${meeting.code}`,
    });
    expect(meeting.code).toMatch(/^\d{3}-\d{3}-\d{3}$/);
    expect(meeting.started_at).not.toBeNull();

    const listed = await call(t.app, 'GET', '/api/v1/meetings?scope=ongoing', undefined, host);
    const page = envelopeOf(pageOf(MeetingSchema)).parse(listed.json()).data;
    expect(page.list.map((m) => m.id)).toEqual([meeting.id]);
    expect(page).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });

    const hostJoin = await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, {}, host);
    expect(envelopeOf(JoinMeetingResultSchema).parse(hostJoin.json()).data.participant).toMatchObject({
      user_id: hostUser.id,
      role: 'host',
      is_present: true,
    });
    const guestJoin = await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, {}, guest);
    const joined = envelopeOf(JoinMeetingResultSchema).parse(guestJoin.json()).data;
    expect(joined.participant).toMatchObject({ user_id: guestUser.id, role: 'participant', left_at: null });
    expect(joined.meeting.participant_count).toBe(2);

    // The guest now sees the meeting in their own list.
    const guestList = await call(t.app, 'GET', '/api/v1/meetings?scope=ongoing', undefined, guest);
    expect(body<{ list: Meeting[] }>(guestList).data.list.map((m) => m.id)).toEqual([meeting.id]);

    const left = await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/leave`, undefined, guest);
    expect(left.statusCode).toBe(200);
    const people = await call(t.app, 'GET', `/api/v1/meetings/${meeting.id}/participants`, undefined, host);
    const participants = envelopeOf(ParticipantListSchema).parse(people.json()).data;
    expect(participants.map((p) => [p.user_id, p.is_present])).toEqual([
      [hostUser.id, true],
      [guestUser.id, false],
    ]);

    const ended = await call(t.app, 'POST', `/api/v1/meetings/${meeting.id}/end`, undefined, host);
    expect(ended.statusCode).toBe(200);
    expect(envelopeOf(MeetingSchema).parse(ended.json()).data).toMatchObject({ status: 'ended', participant_count: 0 });
    const after = await call(t.app, 'GET', `/api/v1/meetings/${meeting.id}/participants`, undefined, host);
    expect(body<{ is_present: boolean }[]>(after).data.every((p) => !p.is_present)).toBe(true);

    const past = await call(t.app, 'GET', '/api/v1/meetings?scope=past', undefined, guest);
    expect(body<{ list: Meeting[] }>(past).data.list.map((m) => m.id)).toEqual([meeting.id]);
    const ongoing = await call(t.app, 'GET', '/api/v1/meetings?scope=ongoing', undefined, host);
    expect(body<{ total: number }>(ongoing).data.total).toBe(0);

    unsubscribe.forEach((off) => off());
    expect(events.map((e) => e.name)).toEqual([
      'participant.joined',
      'participant.joined',
      'participant.left',
      'participant.left',
      'meeting.ended',
    ]);
    expect(events[3]?.payload).toMatchObject({ userId: hostUser.id, reason: 'meeting_ended' });
    expect(events[4]?.payload).toMatchObject({ meetingId: meeting.id, code: meeting.code, reason: 'ended' });
  });
});
