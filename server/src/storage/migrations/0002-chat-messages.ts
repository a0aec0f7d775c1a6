import type { Kysely, Migration } from 'kysely';

/** In-meeting chat, kept after the meeting so a late joiner (and the transcript view) can read it. */
export const chatMessages: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('chat_messages')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('display_name', 'text', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('sent_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('chat_messages_meeting').on('chat_messages').columns(['meeting_id', 'id']).execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('chat_messages').execute();
  },
};
