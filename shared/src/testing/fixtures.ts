/** Valid DTOs shared by several schema tests. */
export const USER = {
  id: 1,
  username: 'ada',
  email: 'ada@example.com',
  nickname: 'Ada',
  role: 'user',
  created_at: '2026-01-01T00:00:00.000Z',
  last_login_at: null,
};

export const MEETING = {
  id: 123456789012,
  code: '123-456-789',
  title: 'Weekly sync',
  description: '',
  host_id: 1,
  host_name: 'Ada',
  status: 'ongoing',
  scheduled_start: null,
  scheduled_end: null,
  started_at: '2026-01-01T09:00:00.000Z',
  ended_at: null,
  has_passcode: false,
  is_locked: false,
  participant_count: 2,
  created_at: '2026-01-01T09:00:00.000Z',
  updated_at: '2026-01-01T09:00:00.000Z',
  join_url: 'http://localhost:8800/j/123-456-789',
};

export const PARTICIPANT = {
  user_id: 2,
  username: 'bob',
  nickname: 'Bob',
  role: 'participant',
  joined_at: '2026-01-01T09:01:00.000Z',
  left_at: null,
  is_present: true,
};
