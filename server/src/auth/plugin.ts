import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config';
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
  loginLimits: Config['loginLimits'];
  health: HealthRegistry;
};

/** The user service (seed port 8080): accounts, sessions and profiles under /api/v1. */
export const authModule: FastifyPluginAsyncZod<AuthModuleOptions> = async (app, options) => {
  await app.register(authRoutes, { auth: options.auth, loginLimits: options.loginLimits });
  await app.register(profileRoutes, { profiles: options.profiles });
  options.health.add('auth', async () => {
    await options.db.selectFrom('users').select('id').limit(1).execute();
    return { status: 'ok' };
  });
};
