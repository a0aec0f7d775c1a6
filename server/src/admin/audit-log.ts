import { sql } from 'kysely';
import type { AdminListQuery, AuditAction, AuditEntry } from '@meetai/shared';
import type { AuthUser } from '../auth/token-service';
import type { Db } from '../storage/database';

export type AuditRecord = {
  action: AuditAction;
  target: { type: 'user' | 'meeting'; id: number; label: string };
  detail?: string | null;
};

export type Page<T> = { list: T[]; total: number; page: number; page_size: number; total_pages: number };

export function pageFrom<T>(list: T[], total: number, query: AdminListQuery): Page<T> {
  return { list, total, page: query.page, page_size: query.page_size, total_pages: Math.ceil(total / query.page_size) };
}

/** `%q%` for LIKE, with the wildcards a person typed taken literally. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every admin action, one row each, newest first when listed. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async record(actor: Pick<AuthUser, 'id' | 'username'>, entry: AuditRecord): Promise<void> {
    await this.db
      .insertInto('admin_audit_log')
      .values({
        at: this.now(),
        actor_id: actor.id,
        actor_name: actor.username,
        action: entry.action,
        target_type: entry.target.type,
        target_id: entry.target.id,
        target_label: entry.target.label,
        detail: entry.detail ?? null,
      })
      .execute();
  }

  /** Searches the actor, the action, the target and the detail. */
  async list(query: AdminListQuery): Promise<Page<AuditEntry>> {
    let base = this.db.selectFrom('admin_audit_log');
    if (query.q) {
      const pattern = likePattern(query.q);
      base = base.where((eb) =>
        eb.or(
          ['actor_name', 'action', 'target_label', 'detail'].map((column) =>
            eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
          ),
        ),
      );
    }
    const [{ total }] = (await base.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [
      { total: number },
    ];
    const rows = await base
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.page_size)
      .offset((query.page - 1) * query.page_size)
      .execute();
    return pageFrom(rows, Number(total), query);
  }
}
