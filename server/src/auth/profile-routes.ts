import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequestSchema,
  EmptySchema,
  UpdateProfileRequestSchema,
  UserSchema,
  envelopeOf,
} from '@meetai/shared';
import { envelope, responses } from '../http/envelope';
import type { ProfileService } from './profile-service';
import { toUser } from './user-mapper';

/** `/users/*`: the signed-in user's own account. */
export const profileRoutes: FastifyPluginAsyncZod<{ profiles: ProfileService }> = async (app, { profiles }) => {
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
      await profiles.changePassword(request.user, request.body);
      return envelope(request, null, 200, 'Password changed; other sessions were signed out');
    },
  );
};
