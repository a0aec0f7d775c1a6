import type { Meeting, TokenPair, User } from '@meetai/shared';

export const userFixture: User = {
  id: 7,
  username: 'mei_lin',
  email: 'mei@example.com',
  nickname: 'Mei Lin',
  role: 'user',
  created_at: '2026-01-10T08:00:00.000Z',
  last_login_at: null,
};

export function tokenPairFixture(token = 'access-1', refresh = 'refresh-token-0001'): TokenPair {
  return {
    token,
    refresh_token: refresh,
    expires_at: '2030-01-01T00:15:00.000Z',
    refresh_expires_at: '2030-01-31T00:00:00.000Z',
    user: userFixture,
  };
}

export function meetingFixture(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 42,
    code: '123-456-789',
    title: 'Weekly sync',
    description: '',
    host_id: userFixture.id,
    host_name: userFixture.nickname,
    status: 'scheduled',
    scheduled_start: '2030-03-02T09:00:00.000Z',
    scheduled_end: '2030-03-02T10:00:00.000Z',
    started_at: null,
    ended_at: null,
    has_passcode: false,
    is_locked: false,
    allow_self_unmute: true,
    participant_count: 0,
    created_at: '2026-01-10T08:00:00.000Z',
    updated_at: '2026-01-10T08:00:00.000Z',
    join_url: 'http://localhost:8800/j/123-456-789',
    ...overrides,
  };
}
