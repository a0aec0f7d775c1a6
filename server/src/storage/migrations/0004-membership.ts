import type { Kysely, Migration } from 'kysely';

/**
 * Membership the server enforces: a participant the host removed stays out
 * (`removed_at`), and whether someone the host muted may unmute on their own
 * is the meeting's setting (`allow_self_unmute`, on by default).
 */
export const membership: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('meeting_participants').addColumn('removed_at', 'text').execute();
    await db.schema
      .alterTable('meetings')
      .addColumn('allow_self_unmute', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('meetings').dropColumn('allow_self_unmute').execute();
    await db.schema.alterTable('meeting_participants').dropColumn('removed_at').execute();
  },
};
