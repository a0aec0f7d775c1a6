import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts, refresh tokens, meetings and participants. Case-insensitive
 * uniqueness uses indexes on lower(...) so the same DDL works on PostgreSQL.
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('username', 'text', (col) => col.notNull())
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('nickname', 'text', (col) => col.notNull())
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull().defaultTo('user'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('last_login_at', 'text')
      .addCheckConstraint('users_role_check', sql`role in ('user', 'admin')`)
      .execute();
    await db.schema
      .createIndex('users_username_unique')
      .on('users')
      .unique()
      .expression(sql`lower(username)`)
      .execute();
    await db.schema
      .createIndex('users_email_unique')
      .on('users')
      .unique()
      .expression(sql`lower(email)`)
      .execute();

    await db.schema
      .createTable('refresh_tokens')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('family_id', 'text', (col) => col.notNull())
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_reason', 'text')
      .execute();
    await db.schema.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute();
    await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();

    await db.schema
      .createTable('meetings')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .addColumn('code', 'text', (col) => col.notNull().unique())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('host_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('scheduled_start', 'text')
      .addColumn('scheduled_end', 'text')
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('passcode_hash', 'text')
      .addColumn('is_locked', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addCheckConstraint('meetings_status_check', sql`status in ('scheduled', 'ongoing', 'ended')`)
      .execute();
    await db.schema.createIndex('meetings_host').on('meetings').columns(['host_id', 'status']).execute();

    await db.schema
      .createTable('meeting_participants')
      .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('joined_at', 'text', (col) => col.notNull())
      .addColumn('left_at', 'text')
      .addPrimaryKeyConstraint('meeting_participants_pk', ['meeting_id', 'user_id'])
      .addCheckConstraint('meeting_participants_role_check', sql`role in ('host', 'participant')`)
      .execute();
    await db.schema.createIndex('meeting_participants_user').on('meeting_participants').column('user_id').execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['meeting_participants', 'meetings', 'refresh_tokens', 'users']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
