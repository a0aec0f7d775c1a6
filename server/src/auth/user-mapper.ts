import type { User } from '@meetai/shared';
import type { UserRow } from '../storage/tables';

/** The public shape of an account: never the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    nickname: row.nickname,
    role: row.role,
    created_at: row.created_at,
    last_login_at: row.last_login_at,
  };
}
