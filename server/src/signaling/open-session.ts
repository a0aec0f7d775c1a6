import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { SignalingCloseCodes } from '@meetai/shared';
import { SignalingConnection, type ConnectionLimits, type Handled } from './connection';
import type { SignalingServices } from './handlers/types';
import type { MeetingHub } from './MeetingHub';
import type { MeetingHubs } from './meeting-hubs';
import { routeRequest } from './message-router';
import type { Peer } from './Peer';
import type { TicketClaim } from './ticket-store';

export type SessionDeps = {
  hubs: MeetingHubs;
  services: SignalingServices;
  limits: ConnectionLimits;
  log: FastifyBaseLogger;
};

const NOT_ATTACHED: Handled = {
  response: {
    id: null,
    ok: false,
    error: { code: 'SERVICE_UNAVAILABLE', message: 'This connection is not in a meeting room.' },
  },
  after: [],
};

/** Why this socket may not attach (a full room, too many sockets of the user), or undefined. */
function overLimit(claim: TicketClaim, hub: MeetingHub, deps: SessionDeps): string | undefined {
  const limits = deps.services.limits;
  const isResume = hub.peer(claim.peerId) !== undefined;
  if (!isResume && hub.size >= limits.peersPerMeeting) return 'This meeting is full.';
  if (deps.hubs.liveSocketsOf(claim.user.id, claim.peerId) >= limits.socketsPerUser) {
    return `You have ${limits.socketsPerUser} meeting connections open already; close one first.`;
  }
  return undefined;
}

/**
 * Serves one authenticated socket: attaches it to its meeting's hub (as a
 * new peer or resuming one), routes its requests, and detaches it when the
 * socket goes away without `leave`.
 */
export function openSession(socket: WebSocket, claim: TicketClaim, deps: SessionDeps): void {
  const log = deps.log.child({ meetingId: claim.meetingId, peerId: claim.peerId, userId: claim.user.id });
  const connection = new SignalingConnection(socket, deps.limits, log);
  let attached: { hub: MeetingHub; peer: Peer } | undefined;

  const attach = async () => {
    try {
      const meeting = await deps.services.meetings.get(claim.meetingId);
      if (meeting.status === 'ended') {
        connection.close(SignalingCloseCodes.MEETING_ENDED, 'This meeting has ended.');
        return;
      }
      // The ticket may predate a removal or a leave: membership is checked again now.
      const presence = await deps.services.attendance.presence(claim.user.id, claim.meetingId);
      if (presence.state === 'removed') {
        connection.close(SignalingCloseCodes.KICKED, 'The host removed you from this meeting.');
        return;
      }
      // A lobby connection may prepare before the REST join; `join` checks presence again.
      if (presence.state !== 'present' && !claim.isLobby) {
        connection.close(SignalingCloseCodes.TICKET_INVALID, 'You are no longer in this meeting: join it again.');
        return;
      }
      const hub = await deps.hubs.acquire(claim.meetingId, meeting.is_locked === 1);
      // Checked right before attaching, with no await in between, so sockets opening together cannot overshoot.
      const refusal = overLimit(claim, hub, deps);
      if (refusal) {
        connection.close(SignalingCloseCodes.TICKET_INVALID, refusal);
        return;
      }
      const peer = hub.attach(claim, meeting.host_id === claim.user.id ? 'host' : 'participant', connection);
      peer.displayName = presence.displayName ?? claim.user.username;
      attached = { hub, peer };
      // The socket may have closed while we waited for the room.
      if (!connection.isOpen) hub.detach(peer, connection);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'MEETING_NOT_FOUND') {
        connection.close(SignalingCloseCodes.MEETING_ENDED, 'This meeting no longer exists.');
        return;
      }
      log.error({ err }, 'could not attach a signaling socket to its meeting');
      connection.close(
        SignalingCloseCodes.MEDIA_UNAVAILABLE,
        'The media service cannot host this meeting right now; try again shortly.',
      );
    }
  };

  connection.start(
    {
      handle: (text) =>
        attached ? routeRequest(text, { ...attached, services: deps.services }) : Promise.resolve(NOT_ATTACHED),
      closed: () => {
        if (attached) attached.hub.detach(attached.peer, connection);
      },
    },
    attach,
  );
}
