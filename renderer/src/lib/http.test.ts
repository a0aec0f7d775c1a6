import { HealthReportSchema, MeetingSchema, TokenPairSchema, UserSchema, pageOf } from '@meetai/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingFixture, tokenPairFixture, userFixture } from '../test/fixtures';
import { fail, ok, startTestServer, type TestServer } from '../test/http-test-server';
import { readBlobText } from '../test/read-blob';
import { ApiError } from './api-error';
import { createApiClient, type ApiClient } from './http';

const PROFILE = '/api/v1/users/profile';
const REFRESH = '/api/v1/auth/refresh';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** A session like the app's: the access token in memory, renewed through the same client. */
function clientWithSession(initialToken: string | null, refreshToken: string | null = 'refresh-token-0001') {
  const state = { token: initialToken, lost: [] as ApiError[] };
  const client: ApiClient = createApiClient({
    baseUrl: () => server.url,
    session: {
      getAccessToken: () => state.token,
      renewAccessToken: async () => {
        if (!refreshToken) throw new ApiError('SESSION_EXPIRED', null, 'no refresh token');
        const pair = await client.post(REFRESH, { refresh_token: refreshToken }, TokenPairSchema, { auth: false });
        state.token = pair.token;
        return pair.token;
      },
      onSessionLost: (reason) => {
        state.token = null;
        state.lost.push(reason);
      },
    },
  });
  return { client, state };
}

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Answers the profile only to the token `fresh`; anything else is an expired token. */
function routeProfileNeedingFreshToken(): void {
  server.route('GET', PROFILE, (request) =>
    request.authorization === 'Bearer fresh' ? ok(userFixture) : fail(401, 'TOKEN_EXPIRED', 'Token expired'),
  );
}

function routeRefresh(delayMs = 0): void {
  server.route('POST', REFRESH, async () => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return ok(tokenPairFixture('fresh', 'refresh-token-0002'));
  });
}

describe('ApiClient envelope handling', () => {
  it('unwraps the envelope into data parsed with the shared schema', async () => {
    server.route('GET', '/api/v1/meetings', () =>
      ok({ list: [meetingFixture()], total: 1, page: 1, page_size: 20, total_pages: 1 }),
    );
    const { client } = clientWithSession('t');
    const page = await client.get('/api/v1/meetings', pageOf(MeetingSchema), { query: { scope: 'upcoming' } });
    expect(page.list[0]?.code).toBe('123-456-789');
    expect(page.total).toBe(1);
  });

  it('turns an error envelope into an ApiError with its code, status and message', async () => {
    server.route('GET', '/api/v1/meetings/9', () => fail(404, 'MEETING_NOT_FOUND', 'No meeting with id 9'));
    const { client } = clientWithSession('t');
    const error = await rejectionOf(client.get('/api/v1/meetings/9', MeetingSchema));
    expect(error).toMatchObject({ code: 'MEETING_NOT_FOUND', status: 404, message: 'No meeting with id 9' });
  });

  it('reports an answer that does not match the contract as BAD_RESPONSE naming the field', async () => {
    server.route('GET', PROFILE, () => ok({ ...userFixture, id: 'seven' }));
    const { client } = clientWithSession('t');
    const error = await rejectionOf(client.get(PROFILE, UserSchema));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('data.id');
  });

  it('recognises an HTML page from a wrong server', async () => {
    server.route('GET', PROFILE, () => ({
      status: 200,
      body: '<!doctype html><title>Router login</title>',
      contentType: 'text/html',
    }));
    const { client } = clientWithSession('t');
    const error = await rejectionOf(client.get(PROFILE, UserSchema));
    expect(error.code).toBe('NOT_A_MEETAI_SERVER');
    expect(error.message).toContain('HTML page');
  });

  it('maps an error status without our envelope to a code for that status', async () => {
    server.route('POST', '/api/v1/meetings', () => ({ status: 503, body: { oops: true } }));
    const { client } = clientWithSession('t');
    const error = await rejectionOf(client.post('/api/v1/meetings', { title: 'x' }, MeetingSchema));
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('reports an unreachable server as NETWORK_ERROR naming the address', async () => {
    const deadUrl = server.url;
    await server.close();
    const client = createApiClient({ baseUrl: () => deadUrl });
    const error = await rejectionOf(client.get(PROFILE, UserSchema, { auth: false }));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: null });
    expect(error.message).toContain(deadUrl);
    server = await startTestServer();
  });

  it('reads /health as a bare document, even when the server says it is down (503)', async () => {
    const report = {
      status: 'down',
      service: 'gateway',
      version: '0.1.0',
      uptime_s: 3,
      checks: { db: { status: 'down' } },
    };
    server.route('GET', '/health', () => ({ status: 503, body: report }));
    const client = createApiClient({ baseUrl: () => 'http://unused.invalid' });
    const health = await client.getDocument('/health', HealthReportSchema, { baseUrl: server.url });
    expect(health.status).toBe('down');
  });
});

describe('ApiClient session handling', () => {
  it('sends the access token as a bearer token', async () => {
    routeProfileNeedingFreshToken();
    const { client } = clientWithSession('fresh');
    await client.get(PROFILE, UserSchema);
    expect(server.requests[0]?.authorization).toBe('Bearer fresh');
  });

  it('sends no token to public routes', async () => {
    server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture()));
    const { client } = clientWithSession('fresh');
    await client.post('/api/v1/auth/login', { username: 'a', password: 'b' }, TokenPairSchema, { auth: false });
    expect(server.requests[0]?.authorization).toBeUndefined();
  });

  it('renews an expired token once and retries the request', async () => {
    routeProfileNeedingFreshToken();
    routeRefresh();
    const { client, state } = clientWithSession('stale');
    const user = await client.get(PROFILE, UserSchema);
    expect(user.username).toBe(userFixture.username);
    expect(state.token).toBe('fresh');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${PROFILE}`,
      `POST ${REFRESH}`,
      `GET ${PROFILE}`,
    ]);
    expect(server.requests[1]?.body).toEqual({ refresh_token: 'refresh-token-0001' });
  });

  it('renews once more when the renewed token expired on its way, and no more than that', async () => {
    let renewals = 0;
    server.route('POST', REFRESH, () => {
      renewals += 1;
      return ok(tokenPairFixture(`fresh-${renewals}`, 'refresh-token-0002'));
    });
    // Only the second renewal's token arrives in time.
    server.route('GET', PROFILE, (request) =>
      request.authorization === 'Bearer fresh-2' ? ok(userFixture) : fail(401, 'TOKEN_EXPIRED', 'Token expired'),
    );
    const { client } = clientWithSession('stale');
    await expect(client.get(PROFILE, UserSchema)).resolves.toMatchObject({ username: userFixture.username });
    expect(renewals).toBe(2);

    server.route('GET', PROFILE, () => fail(401, 'TOKEN_EXPIRED', 'Token expired'));
    const error = await rejectionOf(client.get(PROFILE, UserSchema));
    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(renewals).toBe(4);
  });

  it('shares one renewal between concurrent 401s', async () => {
    routeProfileNeedingFreshToken();
    routeRefresh(50);
    const { client } = clientWithSession('stale');
    const users = await Promise.all([1, 2, 3, 4].map(() => client.get(PROFILE, UserSchema)));
    expect(users).toHaveLength(4);
    expect(server.requests.filter((r) => r.path === REFRESH)).toHaveLength(1);
  });

  it('does not renew again for a request that failed with a token someone already replaced', async () => {
    routeProfileNeedingFreshToken();
    routeRefresh();
    const { client, state } = clientWithSession('stale');
    const pending = client.get(PROFILE, UserSchema);
    state.token = 'fresh';
    await pending;
    expect(server.requests.filter((r) => r.path === REFRESH)).toHaveLength(0);
  });

  it('clears the session and reports SESSION_EXPIRED when the refresh token is refused', async () => {
    routeProfileNeedingFreshToken();
    server.route('POST', REFRESH, () => fail(401, 'REFRESH_TOKEN_INVALID', 'Refresh token revoked'));
    const { client, state } = clientWithSession('stale');
    const error = await rejectionOf(client.get(PROFILE, UserSchema));
    expect(error.code).toBe('SESSION_EXPIRED');
    expect(state.lost).toHaveLength(1);
    expect(state.token).toBeNull();
  });

  it('keeps the session when the renewal fails only because the server is unreachable', async () => {
    routeProfileNeedingFreshToken();
    const { client, state } = clientWithSession('stale');
    const deadUrl = 'http://127.0.0.1:9';
    server.route('POST', REFRESH, () => ok(null));
    client.configure({
      session: {
        getAccessToken: () => state.token,
        renewAccessToken: () =>
          client.post(REFRESH, {}, TokenPairSchema, { auth: false, baseUrl: deadUrl }).then((p) => p.token),
        onSessionLost: (reason) => state.lost.push(reason),
      },
    });
    const error = await rejectionOf(client.get(PROFILE, UserSchema));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(state.lost).toHaveLength(0);
    expect(state.token).toBe('stale');
  });

  it("keeps the session when the renewal meets a restarting server (a proxy's 502, 503 while it stops) or a limit (429)", async () => {
    const answers = [
      { status: 502, body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' },
      fail(503, 'SERVICE_UNAVAILABLE'),
      fail(429, 'RATE_LIMITED'),
    ];
    for (const answer of answers) {
      routeProfileNeedingFreshToken();
      server.route('POST', REFRESH, () => answer);
      const { client, state } = clientWithSession('stale');
      const error = await rejectionOf(client.get(PROFILE, UserSchema));
      expect(error.status).toBe(answer.status);
      expect(error.code).not.toBe('SESSION_EXPIRED');
      expect(state.lost).toHaveLength(0);
      expect(state.token).toBe('stale');
    }
  });

  it('does not try to renew on a 401 that a new token cannot fix', async () => {
    server.route('GET', PROFILE, () => fail(401, 'TOKEN_INVALID', 'Token signature is invalid'));
    routeRefresh();
    const { client } = clientWithSession('tampered');
    const error = await rejectionOf(client.get(PROFILE, UserSchema));
    expect(error.code).toBe('TOKEN_INVALID');
    expect(server.requests.filter((r) => r.path === REFRESH)).toHaveLength(0);
  });
});

describe('ApiClient.download', () => {
  const EXPORT = '/api/v1/meetings/42/transcript/export';

  it('returns the file’s bytes, type and suggested name, sent with the access token', async () => {
    server.route('GET', EXPORT, (request) => ({
      status: 200,
      body: request.authorization === 'Bearer t' ? '1\n00:00:00,000 --> 00:00:02,500\n你好\n' : 'no token',
      contentType: 'application/x-subrip; charset=utf-8',
      headers: { 'Content-Disposition': `attachment; filename="meeting-42.srt"` },
    }));
    const { client } = clientWithSession('t');
    const file = await client.download(EXPORT, { query: { format: 'srt' } });
    expect(file.filename).toBe('meeting-42.srt');
    expect(file.contentType).toBe('application/x-subrip; charset=utf-8');
    expect(await readBlobText(file.blob)).toBe('1\n00:00:00,000 --> 00:00:02,500\n你好\n');
    expect(server.requests.at(-1)?.query.get('format')).toBe('srt');
  });

  it('turns a refusal into the ApiError its envelope names', async () => {
    server.route('GET', EXPORT, () => fail(403, 'NOT_A_PARTICIPANT', 'You did not take part in this meeting'));
    const { client } = clientWithSession('t');
    const error = await rejectionOf(client.download(EXPORT));
    expect(error).toMatchObject({ code: 'NOT_A_PARTICIPANT', status: 403 });
  });

  it('renews an expired token and retries, like every other call', async () => {
    server.route('GET', EXPORT, (request) =>
      request.authorization === 'Bearer fresh'
        ? { status: 200, body: 'hello', contentType: 'text/plain' }
        : fail(401, 'TOKEN_EXPIRED', 'Token expired'),
    );
    routeRefresh();
    const { client } = clientWithSession('stale');
    const file = await client.download(EXPORT);
    expect(await readBlobText(file.blob)).toBe('hello');
    expect(file.filename).toBeNull();
  });
});
