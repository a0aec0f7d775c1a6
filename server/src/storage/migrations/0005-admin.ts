import type { Kysely, Migration } from 'kysely';

/**
 * Admin mode: a ban on an account (when, why, by whom), and the audit log of
 * every admin action. The log copies names in and has no foreign keys, so it
 * outlives the accounts and meetings it talks about.
 */
export const admin: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('banned_at', 'text').execute();
    await db.schema.alterTable('users').addColumn('ban_reason', 'text').execute();
    await db.schema
      .createTable('admin_audit_log')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('actor_id', 'integer', (col) => col.notNull())
      .addColumn('actor_name', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('target_type', 'text', (col) => col.notNull())
      .addColumn('target_id', 'integer', (col) => col.notNull())
      .addColumn('target_label', 'text', (col) => col.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('admin_audit_log_at').on('admin_audit_log').columns(['at', 'id']).execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('admin_audit_log').execute();
    await db.schema.alterTable('users').dropColumn('ban_reason').execute();
    await db.schema.alterTable('users').dropColumn('banned_at').execute();
  },
};
