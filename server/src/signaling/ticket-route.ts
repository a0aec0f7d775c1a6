import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  API_PREFIX,
  MeetingIdParamsSchema,
  SIGNALING_PATH,
  TicketRequestSchema,
  TicketSchema,
  envelopeOf,
} from '@meetai/shared';
import { AppError } from '../http/app-error';
import { envelope, responses } from '../http/envelope';
import { perSourceLimit } from '../http/source-limit';
import type { AttendanceService } from '../meetings/attendance-service';
import type { MeetingService } from '../meetings/meeting-service';
import { meetingEnded, meetingFull, removedFromMeeting } from '../meetings/meeting-errors';
import type { MeetingHubs } from './meeting-hubs';
import type { TicketStore } from './ticket-store';

export type TicketRouteOptions = {
  tickets: TicketStore;
  hubs: MeetingHubs;
  meetings: Pick<MeetingService, 'get'>;
  attendance: Pick<AttendanceService, 'presence'>;
};

/**
 * `POST /api/v1/meetings/:id/ticket`: a one-time pass for the signaling
 * socket, for a signed-in user who has joined the meeting (REST `/join`).
 * `resume_peer_id` asks to continue a session of the same user that is still
 * in the room (within its reconnection grace); otherwise a fresh peer id.
 * `lobby` lets a user who has not joined yet open the socket early, to
 * prepare while they look at their preview (see TicketRequestSchema).
 */
export const ticketRoute: FastifyPluginAsyncZod<TicketRouteOptions> = async (app, options) => {
  const limit = perSourceLimit(app, 'ticket', app.config.rateLimits.ticket, 'Too many signaling tickets asked for.');
  app.post(
    `${API_PREFIX}/meetings/:id/ticket`,
    {
      preHandler: [limit, app.authenticate],
      schema: {
        params: MeetingIdParamsSchema,
        body: TicketRequestSchema.optional(),
        response: responses({ 200: envelopeOf(TicketSchema) }),
      },
    },
    async (request) => {
      const meetingId = request.params.id;
      const user = request.user;
      const meeting = await options.meetings.get(meetingId);
      if (meeting.status === 'ended') throw meetingEnded();
      const { state } = await options.attendance.presence(user.id, meetingId);
      if (state === 'removed') throw removedFromMeeting();
      // A lobby connection prepares before the REST join; its `join` is refused until that join is done.
      const isLobby = request.body?.lobby === true && state !== 'present';
      if (state !== 'present' && !isLobby) {
        throw new AppError('NOT_A_PARTICIPANT', 403, 'Join the meeting first, then ask for a signaling ticket.');
      }
      let peerId: string = randomUUID();
      const resumeId = request.body?.resume_peer_id;
      if (resumeId) {
        const owner = options.hubs.ownerOf(meetingId, resumeId);
        if (owner !== undefined && owner !== user.id) {
          throw new AppError('FORBIDDEN', 403, 'That session belongs to another participant.');
        }
        if (owner === user.id) peerId = resumeId;
      }
      // Early answers for what the socket would be refused anyway (it checks again when it attaches).
      const limits = app.config.signaling.limits;
      const isResume = peerId === resumeId;
      if (!isResume && (options.hubs.get(meetingId)?.size ?? 0) >= limits.peersPerMeeting) throw meetingFull();
      if (options.hubs.liveSocketsOf(user.id, peerId) >= limits.socketsPerUser) {
        throw new AppError(
          'LIMIT_REACHED',
          429,
          `You have ${limits.socketsPerUser} meeting connections open already (tabs or devices); close one first.`,
        );
      }
      const issued = options.tickets.issue({ user, meetingId, peerId, ...(isLobby ? { isLobby } : {}) });
      if (!issued)
        throw new AppError('RATE_LIMITED', 429, 'Too many unused signaling tickets; use one or wait 30 seconds.');
      return envelope(request, {
        ticket: issued.ticket,
        expires_at: issued.expiresAt.toISOString(),
        peer_id: peerId,
        ws_path: `${SIGNALING_PATH}?ticket=${encodeURIComponent(issued.ticket)}`,
      });
    },
  );
};
