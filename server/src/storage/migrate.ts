import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index';
import type { DatabaseSchema } from './tables';

export type MigrationReport = { applied: string[] };

/** Brings the schema up to the newest version; each migration runs in its own transaction. */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}
