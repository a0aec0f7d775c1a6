import { describeSchemas } from '../../testing/schema-cases';
import * as auth from './auth';
import { USER } from '../../testing/fixtures';

const PAIR = {
  token: 'header.payload.signature',
  refresh_token: 'r'.repeat(43),
  expires_at: '2026-01-01T00:15:00.000Z',
  refresh_expires_at: '2026-01-31T00:00:00.000Z',
  user: USER,
};

describeSchemas('auth contracts', auth, {
  RegisterRequestSchema: {
    valid: [
      { username: 'ada', email: 'ada@example.com', password: 'abcdefg1' },
      { username: 'ada', email: 'ada@example.com', password: 'abcdefg1', nickname: '小明' },
    ],
    invalid: [
      { username: 'ada', email: 'ada@example.com' },
      { username: 'ada', email: 'nope', password: 'abcdefg1' },
      { username: 'ada', email: 'ada@example.com', password: 'abcdefg1', role: 'admin' },
      'ada',
    ],
  },
  LoginRequestSchema: {
    valid: [
      { username: 'ada', password: 'x' },
      { username: 'ada@example.com', password: 'whatever it is' },
    ],
    invalid: [
      { username: '', password: 'x' },
      { username: 'ada' },
      { username: 'ada', password: 'x', remember: true },
      { username: 'ada', password: 'x'.repeat(129) },
    ],
  },
  TokenPairSchema: {
    valid: [PAIR],
    invalid: [
      { ...PAIR, user: undefined },
      { ...PAIR, token: 1 },
    ],
  },
  RefreshRequestSchema: {
    valid: [{ refresh_token: 'r'.repeat(43) }],
    invalid: [
      { refresh_token: 'short' },
      { refresh_token: 'r'.repeat(513) },
      {},
      { refresh_token: 'r'.repeat(43), extra: 1 },
    ],
  },
  LogoutRequestSchema: { valid: [{ refresh_token: 'r'.repeat(16) }], invalid: [{ token: 'r'.repeat(43) }, null] },
});
