import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParamsSchema,
  AdminListQuerySchema,
  AdminMeetingSchema,
  AdminUserSchema,
  AuditEntrySchema,
  BanUserRequestSchema,
  EmptySchema,
  ForceEndRequestSchema,
  SetRoleRequestSchema,
  envelopeOf,
  pageOf,
} from '@meetai/shared';
import { envelope, responses } from '../http/envelope';
import type { AdminMeetingService } from './admin-meeting-service';
import type { AdminUserService } from './admin-user-service';
import type { AuditLog } from './audit-log';

export type AdminRoutesOptions = { users: AdminUserService; meetings: AdminMeetingService; audit: AuditLog };

/** `/admin/users`, `/admin/meetings`, `/admin/audit`: administration, every action audited. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, { users, meetings, audit }) => {
  const user = envelopeOf(AdminUserSchema);

  app.get(
    '/admin/users',
    {
      schema: { querystring: AdminListQuerySchema, response: responses({ 200: envelopeOf(pageOf(AdminUserSchema)) }) },
    },
    async (request) => envelope(request, await users.list(request.query)),
  );
  app.post(
    '/admin/users/:id/ban',
    { schema: { params: AdminIdParamsSchema, body: BanUserRequestSchema, response: responses({ 200: user }) } },
    async (request) => envelope(request, await users.ban(request.user, request.params.id, request.body.reason)),
  );
  app.post(
    '/admin/users/:id/unban',
    { schema: { params: AdminIdParamsSchema, response: responses({ 200: user }) } },
    async (request) => envelope(request, await users.unban(request.user, request.params.id)),
  );
  app.put(
    '/admin/users/:id/role',
    { schema: { params: AdminIdParamsSchema, body: SetRoleRequestSchema, response: responses({ 200: user }) } },
    async (request) => envelope(request, await users.setRole(request.user, request.params.id, request.body.role)),
  );
  app.delete(
    '/admin/users/:id',
    { schema: { params: AdminIdParamsSchema, response: responses({ 200: envelopeOf(EmptySchema) }) } },
    async (request) => {
      await users.remove(request.user, request.params.id);
      return envelope(request, null);
    },
  );

  app.get(
    '/admin/meetings',
    {
      schema: {
        querystring: AdminListQuerySchema,
        response: responses({ 200: envelopeOf(pageOf(AdminMeetingSchema)) }),
      },
    },
    async (request) => envelope(request, await meetings.listOngoing(request.query)),
  );
  app.post(
    '/admin/meetings/:id/end',
    {
      schema: {
        params: AdminIdParamsSchema,
        body: ForceEndRequestSchema.optional(),
        response: responses({ 200: envelopeOf(EmptySchema) }),
      },
    },
    async (request) => {
      await meetings.forceEnd(request.user, request.params.id, request.body?.message);
      return envelope(request, null);
    },
  );

  app.get(
    '/admin/audit',
    {
      schema: { querystring: AdminListQuerySchema, response: responses({ 200: envelopeOf(pageOf(AuditEntrySchema)) }) },
    },
    async (request) => envelope(request, await audit.list(request.query)),
  );
};
