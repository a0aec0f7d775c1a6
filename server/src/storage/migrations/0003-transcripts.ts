import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Final caption lines per meeting, searchable. The FTS5 index uses the trigram
 * tokenizer: Chinese has no spaces between words, so a word tokenizer would
 * index whole sentences as one token; trigrams find any substring of three or
 * more characters in either language (shorter queries fall back to LIKE).
 * Also the meeting's caption settings, so a host's choice survives a restart.
 */
export const transcripts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('transcript_lines')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('speaker_name', 'text', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('start_at', 'text', (col) => col.notNull())
      .addColumn('end_at', 'text', (col) => col.notNull())
      .addColumn('language', 'text', (col) => col.notNull())
      .addColumn('engine', 'text', (col) => col.notNull())
      .addColumn('model', 'text', (col) => col.notNull())
      .addColumn('confidence', 'real', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('transcript_lines_meeting')
      .on('transcript_lines')
      .columns(['meeting_id', 'start_at', 'id'])
      .execute();
    await sql`CREATE VIRTUAL TABLE transcript_search USING fts5(
      text, content='transcript_lines', content_rowid='id', tokenize='trigram'
    )`.execute(db);
    await sql`CREATE TRIGGER transcript_lines_ai AFTER INSERT ON transcript_lines BEGIN
      INSERT INTO transcript_search(rowid, text) VALUES (new.id, new.text);
    END`.execute(db);
    await sql`CREATE TRIGGER transcript_lines_ad AFTER DELETE ON transcript_lines BEGIN
      INSERT INTO transcript_search(transcript_search, rowid, text) VALUES ('delete', old.id, old.text);
    END`.execute(db);

    await db.schema
      .createTable('meeting_caption_settings')
      .addColumn('meeting_id', 'integer', (col) => col.primaryKey().references('meetings.id').onDelete('cascade'))
      .addColumn('is_enabled', 'integer', (col) => col.notNull())
      .addColumn('language', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('meeting_caption_settings').execute();
    await sql`DROP TRIGGER transcript_lines_ad`.execute(db);
    await sql`DROP TRIGGER transcript_lines_ai`.execute(db);
    await sql`DROP TABLE transcript_search`.execute(db);
    await db.schema.dropTable('transcript_lines').execute();
  },
};
