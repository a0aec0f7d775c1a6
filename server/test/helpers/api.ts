import type { LightMyRequestResponse } from 'fastify';
import type { Meeting, TokenPair, User } from '@meetai/shared';
import type { App } from '../../src/app';

let counter = 0;

/** A username no other test in this process uses. */
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}`;
}

export const PASSWORD = 'correct horse 42';

export type Session = { user: User; token: string; refreshToken: string; headers: { authorization: string } };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function call(app: App, method: Method, url: string, payload?: unknown, token?: string) {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}

export function body<T = unknown>(
  response: LightMyRequestResponse,
): {
  code: number;
  message: string;
  data: T;
  error?: string;
  details?: { path: string; message: string }[];
  request_id?: string;
} {
  return response.json();
}

export async function register(
  app: App,
  overrides: Partial<{ username: string; email: string; password: string; nickname: string }> = {},
) {
  const username = overrides.username ?? uniqueName();
  const response = await call(app, 'POST', '/api/v1/auth/register', {
    username,
    email: overrides.email ?? `${username}@example.com`,
    password: overrides.password ?? PASSWORD,
    ...(overrides.nickname ? { nickname: overrides.nickname } : {}),
  });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return body<User>(response).data;
}

export async function login(app: App, username: string, password = PASSWORD): Promise<Session> {
  const response = await call(app, 'POST', '/api/v1/auth/login', { username, password });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const pair = body<TokenPair>(response).data;
  return {
    user: pair.user,
    token: pair.token,
    refreshToken: pair.refresh_token,
    headers: { authorization: `Bearer ${pair.token}` },
  };
}

/** Registers a fresh account and signs it in. */
export async function signUp(app: App, prefix?: string): Promise<Session> {
  const user = await register(app, { username: uniqueName(prefix) });
  return login(app, user.username);
}

export async function createMeeting(app: App, session: Session, input: Record<string, unknown> = {}): Promise<Meeting> {
  const response = await call(app, 'POST', '/api/v1/meetings', { title: 'Weekly sync', ...input }, session.token);
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return body<Meeting>(response).data;
}
