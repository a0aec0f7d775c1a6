import type { ExpressionBuilder } from 'kysely';
import type { MeetingScope } from '@meetai/shared';
import type { Db } from '../storage/database';
import type { DatabaseSchema, MeetingRow, MeetingUpdate, MeetingsTable } from '../storage/tables';

/** A meeting row with what its DTO needs from other tables. */
export type MeetingView = MeetingRow & { host_name: string; participant_count: number };

type From = DatabaseSchema & { m: MeetingsTable };

const SCOPE_STATUS = { upcoming: 'scheduled', ongoing: 'ongoing', past: 'ended' } as const;

export class MeetingRepository {
  constructor(private readonly db: Db) {}

  private views() {
    return this.db
      .selectFrom('meetings as m')
      .innerJoin('users as u', 'u.id', 'm.host_id')
      .selectAll('m')
      .select((eb) => [
        'u.nickname as host_name',
        eb
          .selectFrom('meeting_participants as p')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('p.meeting_id', '=', 'm.id')
          .where('p.left_at', 'is', null)
          .$asScalar()
          .$notNull()
          .as('participant_count'),
      ]);
  }

  findById(id: number): Promise<MeetingView | undefined> {
    return this.views().where('m.id', '=', id).executeTakeFirst();
  }

  findByCode(code: string): Promise<MeetingView | undefined> {
    return this.views().where('m.code', '=', code).executeTakeFirst();
  }

  async insert(row: MeetingRow): Promise<void> {
    await this.db.insertInto('meetings').values(row).execute();
  }

  async update(id: number, patch: MeetingUpdate): Promise<void> {
    await this.db.updateTable('meetings').set(patch).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('meetings').where('id', '=', id).execute();
  }

  /** Meetings the user hosts or has joined, in one scope, newest activity first (upcoming: soonest first). */
  async listForUser(
    userId: number,
    scope: MeetingScope,
    page: number,
    pageSize: number,
  ): Promise<{ rows: MeetingView[]; total: number }> {
    const mine = (eb: ExpressionBuilder<From, 'm'>) =>
      eb.and([
        eb('m.status', '=', SCOPE_STATUS[scope]),
        eb.or([
          eb('m.host_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('meeting_participants as mp')
              .select('mp.user_id')
              .whereRef('mp.meeting_id', '=', 'm.id')
              .where('mp.user_id', '=', userId),
          ),
        ]),
      ]);
    const totalRow = await this.db
      .selectFrom('meetings as m')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where(mine)
      .executeTakeFirstOrThrow();
    let query = this.views().where(mine);
    query =
      scope === 'upcoming'
        ? query.orderBy('m.scheduled_start', 'asc')
        : query.orderBy(scope === 'ongoing' ? 'm.started_at' : 'm.ended_at', 'desc');
    const rows = await query
      .orderBy('m.created_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { rows, total: Number(totalRow.total) };
  }
}
