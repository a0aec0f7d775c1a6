import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AuditAction } from '@meetai/shared';

/**
 * Table shapes as Kysely sees them. Times are ISO 8601 UTC strings (they sort
 * as text and read the same on SQLite and PostgreSQL); booleans are 0/1.
 */
export type UsersTable = {
  id: Generated<number>;
  username: string;
  email: string;
  nickname: string;
  password_hash: string;
  role: 'user' | 'admin';
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** Set while an administrator has banned the account. */
  banned_at: string | null;
  ban_reason: string | null;
};

export type RefreshTokensTable = {
  id: Generated<number>;
  user_id: number;
  /** Every token issued from one sign-in shares a family; reusing a revoked one revokes the family. */
  family_id: string;
  /** SHA-256 of the token: a leaked database does not hand out sessions. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: 'rotated' | 'logout' | 'reused' | 'password_changed' | 'banned' | null;
};

export type MeetingsTable = {
  /** Random, not sequential, so ids cannot be enumerated to find meetings to join. */
  id: number;
  code: string;
  title: string;
  description: string;
  host_id: number;
  status: 'scheduled' | 'ongoing' | 'ended';
  scheduled_start: string | null;
  scheduled_end: string | null;
  started_at: string | null;
  ended_at: string | null;
  passcode_hash: string | null;
  is_locked: number;
  /** 1: a participant the host muted may unmute on their own. */
  allow_self_unmute: number;
  created_at: string;
  updated_at: string;
};

export type MeetingParticipantsTable = {
  meeting_id: number;
  user_id: number;
  role: 'host' | 'participant';
  /** The latest join; a rejoin moves it forward and clears `left_at`. */
  joined_at: string;
  left_at: string | null;
  /** Set when the host removed them: they cannot join again. */
  removed_at: string | null;
};

export type AdminAuditLogTable = {
  id: Generated<number>;
  at: string;
  actor_id: number;
  actor_name: string;
  action: AuditAction;
  target_type: 'user' | 'meeting';
  target_id: number;
  target_label: string;
  detail: string | null;
};

export type DatabaseSchema = {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  admin_audit_log: AdminAuditLogTable;
};

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type MeetingUpdate = Updateable<MeetingsTable>;
export type ParticipantRow = Selectable<MeetingParticipantsTable>;
export type AuditRow = Selectable<AdminAuditLogTable>;
