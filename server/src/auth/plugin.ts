import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AttemptLimits, Config } from '../config';
import type { AttemptLedger } from '../http/attempt-limiter';
import type { HealthRegistry } from '../observability/health-registry';
import type { Db } from '../storage/database';
import { authRoutes } from './auth-routes';
import type { AuthService } from './auth-service';
import { profileRoutes } from './profile-routes';
import type { ProfileService } from './profile-service';

export type AuthModuleOptions = {
  db: Db;
  auth: AuthService;
  profiles: ProfileService;
  attempts: AttemptLedger;
  attemptLimits: AttemptLimits;
  rateLimits: Config['rateLimits'];
  health: HealthRegistry;
};

/** The user service (seed port 8080): accounts, sessions and profiles under /api/v1. */
export const authModule: FastifyPluginAsyncZod<AuthModuleOptions> = async (app, options) => {
  const { auth, profiles, attempts, attemptLimits, rateLimits } = options;
  await app.register(authRoutes, { auth, attempts, attemptLimits, rateLimits });
  await app.register(profileRoutes, { profiles, attempts, attemptLimits });
  options.health.add('auth', async () => {
    await options.db.selectFrom('users').select('id').limit(1).execute();
    return { status: 'ok' };
  });
};
