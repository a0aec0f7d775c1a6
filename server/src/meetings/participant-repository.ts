import type { Db } from '../storage/database';
import type { ParticipantRow } from '../storage/tables';

export type ParticipantView = ParticipantRow & { username: string; nickname: string };

export class ParticipantRepository {
  constructor(private readonly db: Db) {}

  find(meetingId: number, userId: number): Promise<ParticipantView | undefined> {
    return this.views().where('p.meeting_id', '=', meetingId).where('p.user_id', '=', userId).executeTakeFirst();
  }

  /** Everyone who ever joined, present first, then by join time. */
  list(meetingId: number): Promise<ParticipantView[]> {
    return this.views()
      .where('p.meeting_id', '=', meetingId)
      .orderBy((eb) => eb.case().when('p.left_at', 'is', null).then(0).else(1).end())
      .orderBy('p.joined_at', 'asc')
      .execute();
  }

  /** First join inserts; a rejoin moves `joined_at` forward and clears `left_at`. */
  async join(row: ParticipantRow): Promise<void> {
    await this.db
      .insertInto('meeting_participants')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['meeting_id', 'user_id']).doUpdateSet({ joined_at: row.joined_at, left_at: null, role: row.role }),
      )
      .execute();
  }

  async markLeft(meetingId: number, userId: number, at: string): Promise<void> {
    await this.db
      .updateTable('meeting_participants')
      .set({ left_at: at })
      .where('meeting_id', '=', meetingId)
      .where('user_id', '=', userId)
      .where('left_at', 'is', null)
      .execute();
  }

  /** Removed by the host: they are out now and stay out. */
  async markRemoved(meetingId: number, userId: number, at: string): Promise<void> {
    await this.db
      .updateTable('meeting_participants')
      .set((eb) => ({ removed_at: at, left_at: eb.fn.coalesce('left_at', eb.val(at)) }))
      .where('meeting_id', '=', meetingId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Marks everyone still present as left; returns who they were. */
  async markAllLeft(meetingId: number, at: string): Promise<number[]> {
    const rows = await this.db
      .updateTable('meeting_participants')
      .set({ left_at: at })
      .where('meeting_id', '=', meetingId)
      .where('left_at', 'is', null)
      .returning('user_id')
      .execute();
    return rows.map((row) => row.user_id);
  }

  private views() {
    return this.db
      .selectFrom('meeting_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .selectAll('p')
      .select(['u.username', 'u.nickname']);
  }
}
