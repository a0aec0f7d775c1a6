import { sql } from 'kysely';
import type { Db } from '../storage/database';
import type { NewUserRow, UserRow, UserUpdate } from '../storage/tables';
import { uniqueViolationTarget } from '../storage/sqlite';
import { AppError } from '../http/app-error';

/** Turns a unique-index violation on users into the 409 the client can explain. */
function takenError(error: unknown): AppError | null {
  const target = uniqueViolationTarget(error);
  if (target === null) return null;
  if (target.includes('email')) return new AppError('EMAIL_TAKEN', 409, 'An account with this email already exists.');
  if (target.includes('username'))
    return new AppError('USERNAME_TAKEN', 409, 'This username is taken: choose another.');
  return null;
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  findById(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** By username or email, ignoring case (the indexes are on lower(...)). */
  findByLogin(login: string): Promise<UserRow | undefined> {
    const column = login.includes('@') ? 'email' : 'username';
    return this.db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(${sql.ref(column)})`, '=', login.toLowerCase())
      .executeTakeFirst();
  }

  async insert(row: NewUserRow): Promise<UserRow> {
    try {
      return await this.db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
    } catch (error) {
      throw takenError(error) ?? error;
    }
  }

  async update(id: number, patch: UserUpdate): Promise<UserRow | undefined> {
    try {
      return await this.db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
    } catch (error) {
      throw takenError(error) ?? error;
    }
  }

  async hasAdmin(): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
    return row !== undefined;
  }
}
