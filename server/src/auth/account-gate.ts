import type { UserRole } from '@meetai/shared';
import type { AppEventBus } from '../events/app-events';
import type { Db } from '../storage/database';

/** How often a process re-reads the bans, to catch those made by another process of a split deployment. */
const DEFAULT_REFRESH_MS = 5000;

/**
 * Which accounts may no longer act, checked on every authenticated request
 * without a database read: access tokens are verified by signature only, so
 * a ban must reach them some other way. A ban made in this process counts at
 * once; one made by another process (split deployment, same database) counts
 * at the next refresh, which also ends that user's sockets here. A deleted
 * account counts as closed in the process that deleted it; elsewhere its
 * access token dies with its short lifetime (its refresh tokens are gone).
 * Roles are read from the database when an admin route asks, so revoking
 * admin takes effect on the next admin request, whatever the token says.
 */
export class AccountGate {
  private banned = new Map<number, string>();
  private readonly deleted = new Map<number, string>();
  /** When this process last banned or unbanned each user: a refresh that read before that keeps the local state. */
  private readonly changedAt = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly events: AppEventBus,
    private readonly refreshMs = DEFAULT_REFRESH_MS,
  ) {}

  /** Reads the bans now and then every `refreshMs`. */
  async start(): Promise<void> {
    this.banned = await this.readBans();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Why the account is closed (the ban's reason), or undefined when it may act. */
  closedReason(userId: number): string | undefined {
    return this.banned.get(userId) ?? this.deleted.get(userId);
  }

  /** This process banned or deleted the account: refuse it from now on and end its sockets. */
  close(userId: number, reason: string, kind: 'banned' | 'deleted'): void {
    (kind === 'banned' ? this.banned : this.deleted).set(userId, reason);
    this.changedAt.set(userId, Date.now());
    this.events.publish('account.closed', { userId, reason, kind, at: new Date().toISOString() });
  }

  reopen(userId: number): void {
    this.banned.delete(userId);
    this.changedAt.set(userId, Date.now());
  }

  async roleOf(userId: number): Promise<UserRole | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(['role', 'banned_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return row && row.banned_at === null ? row.role : undefined;
  }

  private async readBans(): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'ban_reason'])
      .where('banned_at', 'is not', null)
      .execute();
    return new Map(rows.map((row) => [row.id, row.ban_reason ?? '']));
  }

  /** Bans made by another process since the last read end this process's sockets of those users too. */
  private async refresh(): Promise<void> {
    const startedAt = Date.now();
    const read = await this.readBans();
    const before = this.banned;
    for (const [userId, at] of this.changedAt) {
      if (at < startedAt) continue;
      const local = before.get(userId);
      if (local === undefined) read.delete(userId);
      else read.set(userId, local);
    }
    this.banned = read;
    for (const [userId, reason] of this.banned) {
      if (!before.has(userId)) {
        this.events.publish('account.closed', { userId, reason, kind: 'banned', at: new Date().toISOString() });
      }
    }
  }
}
