import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Emotion and synthetic-voice analysis, and summaries (issue 7): each
 * transcript line may carry its utterance's emotion (label, confidence,
 * method); the host's analysis switches per meeting; one summary per meeting
 * (made at its end, or on demand while it runs), its sentences and items as
 * JSON that point at transcript lines.
 */
export const analysis: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('transcript_lines').addColumn('emotion', 'text').execute();
    await db.schema.alterTable('transcript_lines').addColumn('emotion_confidence', 'real').execute();
    await db.schema.alterTable('transcript_lines').addColumn('emotion_method', 'text').execute();
    await db.schema
      .createTable('meeting_analysis_settings')
      .addColumn('meeting_id', 'integer', (col) => col.primaryKey().references('meetings.id').onDelete('cascade'))
      .addColumn('emotion', 'integer', (col) => col.notNull())
      .addColumn('synthesis', 'integer', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('meeting_summaries')
      .addColumn('meeting_id', 'integer', (col) => col.primaryKey().references('meetings.id').onDelete('cascade'))
      .addColumn('generated_at', 'text', (col) => col.notNull())
      .addColumn('is_final', 'integer', (col) => col.notNull())
      .addColumn('language', 'text', (col) => col.notNull())
      .addColumn('method', 'text', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('meeting_summaries').execute();
    await db.schema.dropTable('meeting_analysis_settings').execute();
    for (const column of ['emotion_method', 'emotion_confidence', 'emotion']) {
      await sql`ALTER TABLE transcript_lines DROP COLUMN ${sql.raw(column)}`.execute(db);
    }
  },
};
