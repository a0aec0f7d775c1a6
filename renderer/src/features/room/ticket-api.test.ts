import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../lib/api-error';
import { meetingFixture, tokenPairFixture, userFixture } from '../../test/fixtures';
import { startAppHarness } from '../../test/app-harness';
import { fail, ok, type TestServer } from '../../test/http-test-server';
import { useSessionStore } from '../session';
import { fetchSignalingTicket } from './ticket-api';

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
  useSessionStore.getState().startSession(tokenPairFixture());
});
afterEach(async () => {
  await server.close();
});

const TICKET = '/api/v1/meetings/42/ticket';
const JOIN = '/api/v1/meetings/42/join';
const ticket = (peerId: string) =>
  ok({ ticket: 't-1', expires_at: '2030-01-01T00:00:00.000Z', peer_id: peerId, ws_path: '/ws/signaling?ticket=t-1' });
const joined = ok({
  meeting: meetingFixture({ status: 'ongoing' }),
  participant: {
    user_id: userFixture.id,
    username: userFixture.username,
    nickname: userFixture.nickname,
    role: 'participant',
    joined_at: '2026-01-10T08:00:00.000Z',
    left_at: null,
    is_present: true,
  },
});
const calls = () => server.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body ?? null)}`);

describe('fetchSignalingTicket', () => {
  it('resumes with the old peer id while the server still has us', async () => {
    server.route('POST', TICKET, () => ticket('peer-1'));
    expect((await fetchSignalingTicket(42, 'peer-1')).peer_id).toBe('peer-1');
    expect(calls()).toEqual([`POST ${TICKET} {"resume_peer_id":"peer-1"}`]);
  });

  it('joins again over REST when the server has let our attendance go, then gets a fresh ticket', async () => {
    let isPresent = false;
    server.route('POST', TICKET, () => (isPresent ? ticket('peer-2') : fail(403, 'NOT_A_PARTICIPANT')));
    server.route('POST', JOIN, () => {
      isPresent = true;
      return joined;
    });
    expect((await fetchSignalingTicket(42, 'peer-1')).peer_id).toBe('peer-2');
    expect(calls()).toEqual([`POST ${TICKET} {"resume_peer_id":"peer-1"}`, `POST ${JOIN} {}`, `POST ${TICKET} {}`]);
  });

  it('gives up with the server’s reason when joining again is refused (locked meeting)', async () => {
    server.route('POST', TICKET, () => fail(403, 'NOT_A_PARTICIPANT'));
    server.route('POST', JOIN, () => fail(403, 'MEETING_LOCKED'));
    const failure = await fetchSignalingTicket(42, null).catch((error: unknown) => error);
    expect(isApiError(failure) && failure.code).toBe('MEETING_LOCKED');
    expect(calls()).toEqual([`POST ${TICKET} {}`, `POST ${JOIN} {}`]);
  });

  it('does not join again for any other refusal', async () => {
    server.route('POST', TICKET, () => fail(410, 'MEETING_ENDED'));
    const failure = await fetchSignalingTicket(42, null).catch((error: unknown) => error);
    expect(isApiError(failure) && failure.code).toBe('MEETING_ENDED');
    expect(calls()).toEqual([`POST ${TICKET} {}`]);
  });
});
