import { sql } from 'kysely';
import type { AdminListQuery, AdminUser, UserRole } from '@meetai/shared';
import type { AccountGate } from '../auth/account-gate';
import { RefreshTokenRepository } from '../auth/refresh-token-repository';
import type { AuthUser } from '../auth/token-service';
import type { AppEventBus } from '../events/app-events';
import { AppError } from '../http/app-error';
import type { LiveRooms } from '../signaling/live-presence';
import type { Db } from '../storage/database';
import type { UserRow } from '../storage/tables';
import { likePattern, pageFrom, type AuditLog, type Page } from './audit-log';

export type AdminUserDeps = {
  db: Db;
  accounts: AccountGate;
  presence: LiveRooms;
  audit: AuditLog;
  events: AppEventBus;
  now: () => string;
};

const notFound = () => new AppError('USER_NOT_FOUND', 404, 'There is no account with this id.');
const notOnYourself = (what: string) => new AppError('FORBIDDEN', 403, `You cannot ${what} your own account.`);

/**
 * Accounts as an administrator manages them: search, ban and unban, grant
 * and revoke admin, delete. Every change is written to the audit log. A ban
 * (or a deletion) ends the account's sessions at once: its refresh tokens are
 * revoked, its access tokens refused by the gate, its sockets closed (the
 * `account.closed` event), and it is marked as having left its meetings.
 */
export class AdminUserService {
  constructor(private readonly deps: AdminUserDeps) {}

  async list(query: AdminListQuery): Promise<Page<AdminUser>> {
    let base = this.deps.db.selectFrom('users');
    if (query.q) {
      const pattern = likePattern(query.q);
      base = base.where((eb) =>
        eb.or(
          ['username', 'email', 'nickname'].map((column) =>
            eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
          ),
        ),
      );
    }
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst();
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.page_size)
      .offset((query.page - 1) * query.page_size)
      .execute();
    return pageFrom(
      rows.map((row) => this.view(row)),
      Number(counted?.total ?? 0),
      query,
    );
  }

  async ban(actor: AuthUser, userId: number, reason: string): Promise<AdminUser> {
    if (userId === actor.id) throw notOnYourself('ban');
    const at = this.deps.now();
    const { user, meetings } = await this.deps.db.transaction().execute(async (trx) => {
      const banned = await trx
        .updateTable('users')
        .set({ banned_at: at, ban_reason: reason, updated_at: at })
        .where('id', '=', userId)
        .returningAll()
        .executeTakeFirst();
      if (!banned) throw notFound();
      await new RefreshTokenRepository(trx).revokeUserSessions(userId, 'banned', at);
      const left = await trx
        .updateTable('meeting_participants')
        .set({ left_at: at })
        .where('user_id', '=', userId)
        .where('left_at', 'is', null)
        .returning('meeting_id')
        .execute();
      return { user: banned, meetings: left.map((row) => row.meeting_id) };
    });
    // Sockets first (they are told why), then the meetings learn the person is gone.
    this.deps.accounts.close(userId, reason, 'banned');
    for (const meetingId of meetings) {
      this.deps.events.publish('participant.left', { meetingId, userId, reason: 'removed', at });
    }
    await this.audit(actor, 'user.ban', user, reason);
    return this.view(user);
  }

  async unban(actor: AuthUser, userId: number): Promise<AdminUser> {
    const at = this.deps.now();
    const user = await this.deps.db
      .updateTable('users')
      .set({ banned_at: null, ban_reason: null, updated_at: at })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    if (!user) throw notFound();
    this.deps.accounts.reopen(userId);
    await this.audit(actor, 'user.unban', user, null);
    return this.view(user);
  }

  async setRole(actor: AuthUser, userId: number, role: UserRole): Promise<AdminUser> {
    if (userId === actor.id && role !== 'admin') throw notOnYourself('revoke admin from');
    const before = await this.find(userId);
    if (before.role === role) return this.view(before);
    const user = (await this.deps.db
      .updateTable('users')
      .set({ role, updated_at: this.deps.now() })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirst()) as UserRow;
    await this.audit(actor, role === 'admin' ? 'user.grant_admin' : 'user.revoke_admin', user, null);
    return this.view(user);
  }

  /**
   * Deletes the account and, with it (foreign keys cascade), the meetings it
   * hosted; those still running are ended for everyone first.
   */
  async remove(actor: AuthUser, userId: number): Promise<void> {
    if (userId === actor.id) throw notOnYourself('delete');
    const user = await this.find(userId);
    this.deps.accounts.close(userId, 'The account was deleted.', 'deleted');
    const at = this.deps.now();
    const running = await this.deps.db
      .selectFrom('meetings')
      .select(['id', 'code'])
      .where('host_id', '=', userId)
      .where('status', '=', 'ongoing')
      .execute();
    await this.deps.db.deleteFrom('users').where('id', '=', userId).execute();
    for (const meeting of running) {
      this.deps.events.publish('meeting.ended', { meetingId: meeting.id, code: meeting.code, reason: 'deleted', at });
    }
    await this.audit(actor, 'user.delete', user, `${user.email}; ${running.length} running meetings ended`);
  }

  private async find(userId: number): Promise<UserRow> {
    const user = await this.deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound();
    return user;
  }

  private audit(
    actor: AuthUser,
    action: Parameters<AuditLog['record']>[1]['action'],
    user: UserRow,
    detail: string | null,
  ) {
    return this.deps.audit.record(actor, {
      action,
      target: { type: 'user', id: user.id, label: user.username },
      detail,
    });
  }

  private view(row: UserRow): AdminUser {
    return {
      id: row.id,
      username: row.username,
      email: row.email,
      nickname: row.nickname,
      role: row.role,
      created_at: row.created_at,
      last_login_at: row.last_login_at,
      banned_at: row.banned_at,
      ban_reason: row.ban_reason,
      live_sockets: this.deps.presence.liveSocketsOf(row.id),
    };
  }
}
