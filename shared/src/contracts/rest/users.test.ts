import { describe, expect, it } from 'vitest';
import { describeSchemas } from '../../testing/schema-cases';
import { USER } from '../../testing/fixtures';
import * as users from './users';

describeSchemas('users contracts', users, {
  UserRoleSchema: { valid: ['user', 'admin'], invalid: ['root', 3, null] },
  UsernameSchema: {
    valid: ['ada', 'A_1', ' padded_ok ', 'x'.repeat(32)],
    invalid: ['ab', 'x'.repeat(33), 'has space', 'dash-ed', '小明', 42],
  },
  NicknameSchema: { valid: ['Ada', '小明', 'x'.repeat(50)], invalid: ['', '   ', 'x'.repeat(51), null] },
  PasswordSchema: {
    valid: ['abcdefg1', '密码密码密码密码1'],
    invalid: ['short1', 'onlyletters', '12345678', 'a1'.repeat(65), undefined],
  },
  UserSchema: {
    valid: [USER, { ...USER, role: 'admin', last_login_at: '2026-01-02T00:00:00.000Z' }],
    invalid: [
      { ...USER, role: 'guest' },
      { ...USER, id: 0 },
      { ...USER, created_at: undefined },
    ],
  },
  UpdateProfileRequestSchema: {
    valid: [{ nickname: 'Ada' }, { email: 'new@example.com' }, { nickname: 'A', email: 'a@b.co' }],
    invalid: [{}, { email: 'not-an-email' }, { nickname: '' }, { nickname: 'A', role: 'admin' }],
  },
  ChangePasswordRequestSchema: {
    valid: [{ old_password: 'anything', new_password: 'newpass12' }],
    invalid: [
      { old_password: '', new_password: 'newpass12' },
      { old_password: 'x', new_password: 'weak' },
      { new_password: 'newpass12' },
    ],
  },
});

describe('failedPasswordRules', () => {
  it('names each rule a password breaks, for the register screen', () => {
    expect(users.failedPasswordRules('abc')).toEqual(['length', 'digit']);
    expect(users.failedPasswordRules('12345678')).toEqual(['letter']);
    expect(users.failedPasswordRules('abcdefg1')).toEqual([]);
  });
});
