import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../storage/database';
import type { AuthService } from './auth-service';
import { UserRepository } from './user-repository';

/** At first start, ADMIN_USERNAME/ADMIN_PASSWORD make the first admin; once any admin exists this does nothing. */
export async function ensureFirstAdmin(
  db: Db,
  auth: AuthService,
  admin: Config['admin'],
  log: FastifyBaseLogger,
): Promise<void> {
  if (!admin || (await new UserRepository(db).hasAdmin())) return;
  if (await new UserRepository(db).findByLogin(admin.username)) {
    log.warn({ username: admin.username }, 'ADMIN_USERNAME belongs to an existing non-admin account; no admin created');
    return;
  }
  await auth.register({ username: admin.username, email: admin.email, password: admin.password }, 'admin');
  log.info({ username: admin.username }, 'created the first admin account');
}
