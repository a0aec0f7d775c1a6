import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_PREFIX, AdminPeerParamsSchema, EmptySchema, envelopeOf } from '@meetai/shared';
import { AppError } from '../http/app-error';
import { envelope, responses } from '../http/envelope';
import type { AuditLog } from '../admin/audit-log';
import type { MeetingHubs } from './meeting-hubs';

/**
 * `POST /api/v1/admin/meetings/:id/peers/:peerId/disconnect` (admins only):
 * cuts one participant's signaling connection the way a network failure
 * would, so an operator can check that clients recover (reconnect within the
 * grace period, media flowing again) on a live system.
 */
export const adminRoute: FastifyPluginAsyncZod<{ hubs: MeetingHubs; audit: AuditLog }> = async (
  app,
  { hubs, audit },
) => {
  app.post(
    `${API_PREFIX}/admin/meetings/:id/peers/:peerId/disconnect`,
    {
      preHandler: app.requireAdmin,
      schema: { params: AdminPeerParamsSchema, response: responses({ 200: envelopeOf(EmptySchema) }) },
    },
    async (request) => {
      const { id, peerId } = request.params;
      const owner = hubs.get(id)?.peer(peerId)?.user;
      if (!owner || !hubs.get(id)?.disconnect(peerId)) {
        throw new AppError('NOT_FOUND', 404, 'That participant has no live connection in this meeting.');
      }
      await audit.record(request.user, {
        action: 'peer.disconnect',
        target: { type: 'meeting', id, label: `meeting ${id}` },
        detail: `peer ${peerId} of ${owner.username}`,
      });
      request.log.warn({ meetingId: id, peerId, by: request.user.id }, 'an admin cut a signaling connection');
      return envelope(request, null);
    },
  );
};
