import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequestSchema,
  EmptySchema,
  UpdateProfileRequestSchema,
  UserSchema,
  envelopeOf,
} from '@meetai/shared';
import type { AttemptLimits } from '../config';
import { attempt, type AttemptLedger } from '../http/attempt-limiter';
import { envelope, responses } from '../http/envelope';
import { PASSWORD_GUESSES_REFUSAL, passwordGuessKeys } from './login-limiter';
import type { ProfileService } from './profile-service';
import { toUser } from './user-mapper';

export type ProfileRoutesOptions = { profiles: ProfileService; attempts: AttemptLedger; attemptLimits: AttemptLimits };

/** `/users/*`: the signed-in user's own account. */
export const profileRoutes: FastifyPluginAsyncZod<ProfileRoutesOptions> = async (app, options) => {
  const { profiles, attempts, attemptLimits } = options;
  app.addHook('preHandler', app.authenticate);

  app.get('/users/profile', { schema: { response: responses({ 200: envelopeOf(UserSchema) }) } }, async (request) =>
    envelope(request, toUser(await profiles.get(request.user.id))),
  );

  app.put(
    '/users/profile',
    { schema: { body: UpdateProfileRequestSchema, response: responses({ 200: envelopeOf(UserSchema) }) } },
    async (request) =>
      envelope(request, toUser(await profiles.update(request.user.id, request.body)), 200, 'Profile saved'),
  );

  app.post(
    '/users/change-password',
    { schema: { body: ChangePasswordRequestSchema, response: responses({ 200: envelopeOf(EmptySchema) }) } },
    async (request) => {
      // A stolen access token must not buy unlimited guesses at the old password: they count as sign-in guesses.
      await attempt(
        attempts,
        passwordGuessKeys(attemptLimits, request, `user:${request.user.id}`),
        PASSWORD_GUESSES_REFUSAL,
        () => profiles.changePassword(request.user, request.body),
        (error) => error.code === 'WRONG_PASSWORD',
      );
      return envelope(request, null, 200, 'Password changed; other sessions were signed out');
    },
  );
};
