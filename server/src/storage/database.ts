import { Kysely, sql } from 'kysely';
import { migrateToLatest, type MigrationReport } from './migrate';
import { createSqliteDialect } from './sqlite';
import type { DatabaseSchema } from './tables';

export type Db = Kysely<DatabaseSchema>;

export type AppDatabase = {
  db: Db;
  /** Where the data lives, for logs. */
  location: string;
  migrations: MigrationReport;
  /** Runs a real `select 1`; resolves to its round-trip time in milliseconds. */
  ping: () => Promise<number>;
  close: () => Promise<void>;
};

/** Opens the database under `dataDir` and migrates it to the newest schema before anything uses it. */
export async function openDatabase(dataDir: string): Promise<AppDatabase> {
  const sqlite = createSqliteDialect(dataDir);
  const db = new Kysely<DatabaseSchema>({ dialect: sqlite.dialect });
  let migrations: MigrationReport;
  try {
    migrations = await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    sqlite.close();
    throw error;
  }
  let closed = false;
  return {
    db,
    location: sqlite.file,
    migrations,
    ping: async () => {
      const started = performance.now();
      await sql`select 1`.execute(db);
      return performance.now() - started;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      sqlite.close();
    },
  };
}
