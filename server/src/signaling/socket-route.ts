import type {} from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { SIGNALING_PATH, SignalingCloseCodes } from '@meetai/shared';
import { openSession, type SessionDeps } from './open-session';
import type { TicketStore } from './ticket-store';

export type SocketRouteOptions = SessionDeps & { tickets: TicketStore };

/**
 * `GET /ws/signaling?ticket=...`. The upgrade is always accepted so that a
 * bad ticket can be refused with close code 4401 and a sentence, which
 * browsers show to scripts (an HTTP 401 on the upgrade reaches them only as a
 * bare failure).
 */
export const socketRoute: FastifyPluginAsync<SocketRouteOptions> = async (app, options) => {
  app.get(SIGNALING_PATH, { websocket: true }, (socket, request) => {
    const ticket = (request.query as Record<string, unknown>).ticket;
    const claim = typeof ticket === 'string' && ticket.length <= 128 ? options.tickets.redeem(ticket) : undefined;
    if (!claim) {
      socket.close(SignalingCloseCodes.TICKET_INVALID, 'The ticket is missing, unknown, already used or expired.');
      return;
    }
    openSession(socket, claim, options);
  });
};
