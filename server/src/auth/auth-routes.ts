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
import type { AttemptLimits, Config } from '../config';
import { attempt, type AttemptLedger } from '../http/attempt-limiter';
import { envelope, responses } from '../http/envelope';
import { perSourceLimit } from '../http/source-limit';
import type { AuthService } from './auth-service';
import { PASSWORD_GUESSES_REFUSAL, passwordGuessKeys } from './login-limiter';
import { toUser } from './user-mapper';

export type AuthRoutesOptions = {
  auth: AuthService;
  attempts: AttemptLedger;
  attemptLimits: AttemptLimits;
  rateLimits: Config['rateLimits'];
};

/** `/auth/*`: register, login, refresh, logout. None needs an access token. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const { auth, attempts, attemptLimits, rateLimits } = options;

  app.post(
    '/auth/register',
    {
      preHandler: perSourceLimit(
        app,
        'register',
        rateLimits.register,
        'Too many accounts were created from your address.',
      ),
      schema: { body: RegisterRequestSchema, response: responses({ 201: envelopeOf(UserSchema) }) },
    },
    async (request, reply) => {
      const user = await auth.register(request.body);
      return reply.code(201).send(envelope(request, toUser(user), 201, 'Account created'));
    },
  );

  app.post(
    '/auth/login',
    { schema: { body: LoginRequestSchema, response: responses({ 200: envelopeOf(TokenPairSchema) }) } },
    async (request) => {
      const keys = passwordGuessKeys(attemptLimits, request, await auth.accountKey(request.body.username));
      const pair = await attempt(
        attempts,
        keys,
        PASSWORD_GUESSES_REFUSAL,
        () => auth.login(request.body),
        (error) => error.code === 'INVALID_CREDENTIALS',
      );
      return envelope(request, pair);
    },
  );

  app.post(
    '/auth/refresh',
    {
      preHandler: perSourceLimit(app, 'refresh', rateLimits.refresh, 'Too many session renewals from your address.'),
      schema: { body: RefreshRequestSchema, response: responses({ 200: envelopeOf(TokenPairSchema) }) },
    },
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
