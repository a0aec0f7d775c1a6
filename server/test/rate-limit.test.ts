import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Meeting, TokenPair, User } from '@meetai/shared';
import { PASSWORD, body, createMeeting, uniqueName, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    LOGIN_MAX_FAILURES_PER_IP: '8',
    PASSCODE_MAX_FAILURES: '3',
    CODE_LOOKUP_MAX_FAILURES: '3',
    FAILURE_WINDOW: '10m',
    RATE_LIMIT_REGISTER: '3/1h',
    RATE_LIMIT_REFRESH: '2/1m',
    RATE_LIMIT_TICKET: '2/1m',
  });
});
afterAll(() => t.close());

let lastOctet = 0;
/** A client address no other test uses, so each test starts with clean per-address counters. */
function newAddress(): string {
  lastOctet += 1;
  return `10.20.${Math.floor(lastOctet / 250)}.${lastOctet % 250}`;
}

type From = { address: string; token?: string };

function send(method: 'GET' | 'POST', url: string, from: From, payload?: object): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    remoteAddress: from.address,
    ...(payload ? { payload } : {}),
    ...(from.token ? { headers: { authorization: `Bearer ${from.token}` } } : {}),
  });
}

const login = (username: string, password: string, address: string) =>
  send('POST', '/api/v1/auth/login', { address }, { username, password });

/** A new account, registered from an address of its own (registration is limited per address here). */
async function register(): Promise<User> {
  const username = uniqueName('limits');
  const response = await send(
    'POST',
    '/api/v1/auth/register',
    { address: newAddress() },
    {
      username,
      email: `${username}@example.com`,
      password: PASSWORD,
    },
  );
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.body}`);
  return body<User>(response).data;
}

async function signUp(): Promise<Session> {
  const user = await register();
  const response = await login(user.username, PASSWORD, newAddress());
  const pair = body<TokenPair>(response).data;
  return {
    user,
    token: pair.token,
    refreshToken: pair.refresh_token,
    headers: { authorization: `Bearer ${pair.token}` },
  };
}

function statuses(responses: LightMyRequestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
  return counts;
}

function expectRetryLater(response: LightMyRequestResponse, maxSeconds: number): void {
  expect(response.statusCode).toBe(429);
  expect(body(response).error).toBe('RATE_LIMITED');
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(body(response).message).toMatch(/Try again in \d+ (second|minute|hour)s?\./);
}

describe('sign-in limits', () => {
  it('forty wrong passwords sent at once: no more than the allowance reach the password check, the rest get 429', async () => {
    const user = await register();
    const address = newAddress();
    const responses = await Promise.all(Array.from({ length: 40 }, () => login(user.username, 'wrong guess', address)));
    // Three reach the check (the others wait for room), fail, and lock the key for the other 37.
    expect(statuses(responses)).toEqual({ 401: 3, 429: 37 });
    for (const refused of responses.filter((r) => r.statusCode === 429)) expectRetryLater(refused, 600);
  });

  it('after the allowed failures the right password waits too, and the 429 says when to retry', async () => {
    const user = await register();
    const address = newAddress();
    for (let i = 0; i < 3; i += 1) expect((await login(user.username, 'wrong guess', address)).statusCode).toBe(401);
    const blocked = await login(user.username, PASSWORD, address);
    expectRetryLater(blocked, 600);
    // The first lockout lasts one window.
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(590);
    expect(body(blocked).message).toContain('Try again in 10 minutes.');
    // The email names the same account, and case does not matter.
    expect((await login(user.username.toUpperCase(), PASSWORD, address)).statusCode).toBe(429);
    expect((await login(user.email, PASSWORD, address)).statusCode).toBe(429);
  });

  it('a stranger guessing from elsewhere cannot lock the owner out', async () => {
    const user = await register();
    const stranger = newAddress();
    for (let i = 0; i < 5; i += 1) await login(user.username, 'wrong guess', stranger);
    expect((await login(user.username, PASSWORD, stranger)).statusCode).toBe(429);
    expect((await login(user.username, PASSWORD, newAddress())).statusCode).toBe(200);
  });

  it('successful sign-ins do not count, even many at once', async () => {
    const user = await register();
    const address = newAddress();
    const responses = await Promise.all(Array.from({ length: 6 }, () => login(user.username, PASSWORD, address)));
    expect(statuses(responses)).toEqual({ 200: 6 });
    for (let i = 0; i < 6; i += 1) expect((await login(user.username, PASSWORD, address)).statusCode).toBe(200);
  });

  it('failures across many accounts from one address hit the per-address limit', async () => {
    const address = newAddress();
    for (let i = 0; i < 8; i += 1) {
      const user = await register();
      expect((await login(user.username, 'wrong guess', address)).statusCode).toBe(401);
    }
    const fresh = await register();
    expectRetryLater(await login(fresh.username, PASSWORD, address), 600);
    expect((await login(fresh.username, PASSWORD, newAddress())).statusCode).toBe(200);
  });

  it('old-password guesses at change-password count like sign-in guesses, also when sent at once', async () => {
    const session = await signUp();
    const address = newAddress();
    const change = (oldPassword: string) =>
      send(
        'POST',
        '/api/v1/users/change-password',
        { address, token: session.token },
        { old_password: oldPassword, new_password: 'a new password 77' },
      );
    const responses = await Promise.all(Array.from({ length: 12 }, () => change('not my password')));
    expect(statuses(responses)).toEqual({ 403: 3, 429: 9 });
    expectRetryLater(await change(PASSWORD), 600);
    // The same account from that address is locked for sign-in as well.
    expect((await login(session.user.username, PASSWORD, address)).statusCode).toBe(429);
  });
});

describe('per-address limits', () => {
  it('register: a few accounts per address, then 429; another address is not affected', async () => {
    const address = newAddress();
    const registerFrom = (from: string) => {
      const username = uniqueName('many');
      return send(
        'POST',
        '/api/v1/auth/register',
        { address: from },
        {
          username,
          email: `${username}@example.com`,
          password: PASSWORD,
        },
      );
    };
    const responses = await Promise.all(Array.from({ length: 5 }, () => registerFrom(address)));
    expect(statuses(responses)).toEqual({ 201: 3, 429: 2 });
    expectRetryLater(responses.find((r) => r.statusCode === 429) as LightMyRequestResponse, 3600);
    expect((await registerFrom(newAddress())).statusCode).toBe(201);
  });

  it('refresh: a few renewals per address, then 429', async () => {
    const session = await signUp();
    const address = newAddress();
    let token = session.refreshToken;
    for (let i = 0; i < 2; i += 1) {
      const renewed = await send('POST', '/api/v1/auth/refresh', { address }, { refresh_token: token });
      expect(renewed.statusCode).toBe(200);
      token = body<TokenPair>(renewed).data.refresh_token;
    }
    expectRetryLater(await send('POST', '/api/v1/auth/refresh', { address }, { refresh_token: token }), 60);
  });

  it('signaling tickets: a few per address, then 429', async () => {
    const session = await signUp();
    const meeting = await createMeeting(t.app, session);
    const from = { address: newAddress(), token: session.token };
    expect((await send('POST', `/api/v1/meetings/${meeting.id}/join`, from, {})).statusCode).toBe(200);
    const ticket = () => send('POST', `/api/v1/meetings/${meeting.id}/ticket`, from, {});
    const responses = [await ticket(), await ticket(), await ticket()];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expectRetryLater(responses[2] as LightMyRequestResponse, 60);
  });
});

describe('meeting limits', () => {
  let host: Session;
  beforeAll(async () => {
    host = await signUp();
  });

  const join = (meeting: Meeting, session: Session, address: string, passcode?: string) =>
    send(
      'POST',
      `/api/v1/meetings/${meeting.id}/join`,
      { address, token: session.token },
      passcode ? { passcode } : {},
    );

  it('wrong passcodes count per meeting and address, whichever account sends them', async () => {
    const meeting = await createMeeting(t.app, host, { passcode: 'open-sesame' });
    const address = newAddress();
    const [first, second, elsewhere] = [await signUp(), await signUp(), await signUp()];
    for (let i = 0; i < 3; i += 1)
      expect(body(await join(meeting, first, address, 'guess-123')).error).toBe('WRONG_PASSCODE');
    // A second account from the same address does not get a fresh allowance.
    expectRetryLater(await join(meeting, second, address, 'open-sesame'), 600);
    expect((await join(meeting, elsewhere, newAddress(), 'open-sesame')).statusCode).toBe(200);
    // Joining another meeting is not affected.
    const other = await createMeeting(t.app, host, { passcode: 'open-sesame' });
    expect((await join(other, second, address, 'open-sesame')).statusCode).toBe(200);
  });

  it('wrong passcodes sent at once: no more than the allowance are checked', async () => {
    const meeting = await createMeeting(t.app, host, { passcode: 'open-sesame' });
    const guesser = await signUp();
    const address = newAddress();
    const responses = await Promise.all(Array.from({ length: 20 }, () => join(meeting, guesser, address, 'guess-123')));
    expect(statuses(responses)).toEqual({ 403: 3, 429: 17 });
  });

  it('meeting codes cannot be walked: unknown codes count per address, known ones do not', async () => {
    const meeting = await createMeeting(t.app, host);
    const walker = { address: newAddress(), token: host.token };
    const lookup = (code: string, from: From) => send('GET', `/api/v1/meetings/by-code/${code}`, from);
    for (let i = 0; i < 5; i += 1) expect((await lookup(meeting.code, walker)).statusCode).toBe(200);
    const unknown = ['000-000-001', '000-000-002', '000-000-003'].filter((code) => code !== meeting.code);
    for (const code of unknown) expect(body(await lookup(code, walker)).error).toBe('MEETING_NOT_FOUND');
    expectRetryLater(await lookup(meeting.code, walker), 600);
    expect((await lookup(meeting.code, { address: newAddress(), token: host.token })).statusCode).toBe(200);
  });
});
