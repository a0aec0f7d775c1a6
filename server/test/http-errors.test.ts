import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema, MAX_JSON_BODY_BYTES } from '@meetai/shared';
import { body, call, createMeeting, register, signUp, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
let session: Session;
beforeAll(async () => {
  t = await buildTestApp();
  session = await signUp(t.app);
});
afterAll(() => t.close());

const rawPost = (url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}`, ...headers },
  });

describe('bad input never becomes a 500', () => {
  it('malformed JSON: 400 MALFORMED_JSON', async () => {
    for (const payload of ['{"title": ', '{title: "x"}', '[1,2', '{"__proto__": {"isAdmin": true}}']) {
      const response = await rawPost('/api/v1/meetings', payload);
      expect(response.statusCode).toBe(400);
      expect(ErrorEnvelopeSchema.parse(response.json()).error).toBe('MALFORMED_JSON');
    }
  });

  it(`a body over ${MAX_JSON_BODY_BYTES} bytes: 413 PAYLOAD_TOO_LARGE`, async () => {
    const response = await rawPost('/api/v1/meetings', JSON.stringify({ title: 'x'.repeat(MAX_JSON_BODY_BYTES) }));
    expect(response.statusCode).toBe(413);
    expect(body(response).error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('missing fields: 400 VALIDATION_FAILED naming each field', async () => {
    const response = await call(t.app, 'POST', '/api/v1/auth/register', { username: 'someone' });
    expect(response.statusCode).toBe(400);
    const error = ErrorEnvelopeSchema.parse(response.json());
    expect(error.error).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path).sort()).toEqual(['email', 'password']);
    expect(error.message).toMatch(/request body is invalid/);
  });

  it('wrong types and unknown fields: 400 VALIDATION_FAILED', async () => {
    const wrongType = await call(t.app, 'POST', '/api/v1/meetings', { title: 42 }, session.token);
    expect(wrongType.statusCode).toBe(400);
    expect(body(wrongType).details).toEqual([{ path: 'title', message: expect.any(String) }]);
    const extra = await call(t.app, 'POST', '/api/v1/meetings', { title: 'ok', is_admin: true }, session.token);
    expect(extra.statusCode).toBe(400);
    const notObject = await rawPost('/api/v1/meetings', '"just a string"');
    expect(notObject.statusCode).toBe(400);
    expect(body(notObject).error).toBe('VALIDATION_FAILED');
  });

  it('a missing body where one is required: 400 VALIDATION_FAILED; where none is: accepted', async () => {
    const missing = await rawPost('/api/v1/meetings', '');
    expect(missing.statusCode).toBe(400);
    expect(body(missing).error).toBe('VALIDATION_FAILED');
    const meeting = await createMeeting(t.app, session);
    const join = await rawPost(`/api/v1/meetings/${meeting.id}/join`, '');
    expect(join.statusCode).toBe(200);
  });

  it('bad query and path parameters: 400 VALIDATION_FAILED', async () => {
    const scope = await call(t.app, 'GET', '/api/v1/meetings?scope=tomorrow', undefined, session.token);
    expect(scope.statusCode).toBe(400);
    expect(body(scope).message).toMatch(/query string/);
    const pageSize = await call(t.app, 'GET', '/api/v1/meetings?page_size=1000', undefined, session.token);
    expect(pageSize.statusCode).toBe(400);
    const id = await call(t.app, 'GET', '/api/v1/meetings/abc', undefined, session.token);
    expect(id.statusCode).toBe(400);
    expect(body(id).message).toMatch(/URL parameters/);
    const badEncoding = await call(t.app, 'GET', '/api/v1/meetings/%E0%A4%A', undefined, session.token);
    expect(badEncoding.statusCode).toBe(400);
  });

  it('a body that is not JSON: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await rawPost('/api/v1/meetings', 'title=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.statusCode).toBe(415);
    expect(body(response).error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown API routes: JSON 404 NOT_FOUND, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await call(t.app, method, '/api/v1/nothing-here');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(body(response).error).toBe('NOT_FOUND');
    }
  });

  it('SQL-looking strings are stored and returned literally', async () => {
    const sneaky = "Robert'); DROP TABLE users;--";
    const meeting = await createMeeting(t.app, session, { title: sneaky, description: "' OR 1=1 --" });
    expect(meeting.title).toBe(sneaky);
    const read = await call(t.app, 'GET', `/api/v1/meetings/${meeting.id}`, undefined, session.token);
    expect(body(read).data).toMatchObject({ title: sneaky, description: "' OR 1=1 --" });
    const user = await register(t.app, { nickname: "x' OR '1'='1" });
    expect(user.nickname).toBe("x' OR '1'='1");
    const login = await call(t.app, 'POST', '/api/v1/auth/login', { username: "admin' --", password: "' OR '1'='1" });
    expect(login.statusCode).toBe(401);
    // The tables are still there.
    expect((await call(t.app, 'GET', '/api/v1/users/profile', undefined, session.token)).statusCode).toBe(200);
  });
});

describe('request ids', () => {
  it('every reply carries one, in the header and in the envelope', async () => {
    const ok = await call(t.app, 'GET', '/api/v1/users/profile', undefined, session.token);
    const notFound = await call(t.app, 'GET', '/api/v1/nope');
    const health = await call(t.app, 'GET', '/health');
    for (const response of [ok, notFound]) {
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
      expect(body(response).request_id).toBe(response.headers['x-request-id']);
    }
    expect(health.headers['x-request-id']).toEqual(expect.any(String));
    expect(ok.headers['x-request-id']).not.toBe(notFound.headers['x-request-id']);
  });

  it("keeps a caller's plain request id and replaces an unsafe one", async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-abc_123' } });
    expect(kept.headers['x-request-id']).toBe('trace-abc_123');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).not.toContain('bad id');
  });
});
