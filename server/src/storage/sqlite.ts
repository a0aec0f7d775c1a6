import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SqliteDialect, type Dialect, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/**
 * The embedded default: one SQLite file. Everything SQLite-specific lives in
 * this file, so a PostgreSQL dialect can replace it without touching the
 * repositories.
 */
export const SQLITE_FILE_NAME = 'meetai.sqlite';

export type SqliteHandle = { dialect: Dialect; file: string; close: () => void };

export function createSqliteDialect(dataDir: string): SqliteHandle {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const database = new SqliteDatabase(file);
  // WAL: readers never block the writer, and a crash mid-write loses at most the open transaction.
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    file,
    close: () => {
      if (database.open) database.close();
    },
  };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query afresh; preparing costs about as much as running
 * a small query, and the app issues the same few dozen SQL strings over and
 * over. Reusing statements is safe: Kysely runs one query at a time on this
 * single connection.
 */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** The column or index a unique-constraint error names, or null when the error is something else. */
export function uniqueViolationTarget(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  return typeof message === 'string' ? message.replace(/^UNIQUE constraint failed:\s*/, '') : '';
}
