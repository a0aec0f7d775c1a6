import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EmptySchema,
  LoginRequestSchema,
  LogoutRequestSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  TokenPairSchema,
  UserSchema,
  envelopeOf,
} from '@meetai/shared';
import type { Config } from '../config';
import { AppError } from '../http/app-error';
import { envelope, responses } from '../http/envelope';
import type { AuthService } from './auth-service';
import { createLoginLimiter } from './login-limiter';
import { toUser } from './user-mapper';

export type AuthRoutesOptions = { auth: AuthService; loginLimits: Config['loginLimits'] };

/** `/auth/*`: register, login, refresh, logout. None needs an access token. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, loginLimits }) => {
  const limiter = createLoginLimiter(app, loginLimits);

  app.post(
    '/auth/register',
    { schema: { body: RegisterRequestSchema, response: responses({ 201: envelopeOf(UserSchema) }) } },
    async (request, reply) => {
      const user = await auth.register(request.body);
      return reply.code(201).send(envelope(request, toUser(user), 201, 'Account created'));
    },
  );

  app.post(
    '/auth/login',
    { schema: { body: LoginRequestSchema, response: responses({ 200: envelopeOf(TokenPairSchema) }) } },
    async (request) => {
      await limiter.assertAllowed(request);
      try {
        return envelope(request, await auth.login(request.body));
      } catch (error) {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') await limiter.recordFailure(request);
        throw error;
      }
    },
  );

  app.post(
    '/auth/refresh',
    { schema: { body: RefreshRequestSchema, response: responses({ 200: envelopeOf(TokenPairSchema) }) } },
    async (request) => envelope(request, await auth.refresh(request.body.refresh_token)),
  );

  app.post(
    '/auth/logout',
    { schema: { body: LogoutRequestSchema, response: responses({ 200: envelopeOf(EmptySchema) }) } },
    async (request) => {
      await auth.logout(request.body.refresh_token);
      return envelope(request, null, 200, 'Signed out');
    },
  );
};
