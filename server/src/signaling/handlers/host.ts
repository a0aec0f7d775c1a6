import type { MeetingHub } from '../MeetingHub';
import type { Peer } from '../Peer';
import { SignalingError } from '../signaling-error';
import type { HandlerTable } from './types';

function requireHost(peer: Peer, what: string): void {
  if (!peer.isHost) throw new SignalingError('NOT_HOST', `Only the host can ${what}.`);
}

function otherParticipant(hub: MeetingHub, self: Peer, peerId: string): Peer {
  const target = hub.peer(peerId);
  if (!target || !target.isAnnounced) throw new SignalingError('NOT_FOUND', 'That participant is not in the meeting.');
  if (target === self) throw new SignalingError('VALIDATION_FAILED', 'Use your own controls (or leave) for yourself.');
  return target;
}

/**
 * Host controls. The meeting records change through the meetings services,
 * whose events (meeting.updated, meeting.ended) reach every socket the same
 * way as the REST routes' do; the hub calls below make the outcome immediate
 * even where the bus delivers later.
 */
export const hostHandlers = {
  /**
   * The microphone is paused here, so it is silent even if the client ignores
   * `muteRequested`, and the mute holds for that user (see mute-hold.ts).
   */
  muteParticipant: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer }, { peerId }) => {
      requireHost(peer, 'mute other participants');
      const target = otherParticipant(hub, peer, peerId);
      hub.holdMute(target.user.id);
      await hub.room.pauseSource(target.id, 'mic');
      if (!target.state.isMuted) {
        target.state = { ...target.state, isMuted: true };
        hub.broadcast('peerState', { peerId: target.id, state: target.state }, target);
      }
      target.notify('muteRequested', { byPeerId: peer.id });
      return {};
    },
  },
  /** The participant may unmute again; they do it themselves (nobody's microphone is switched on for them). */
  allowUnmute: {
    needsJoin: true,
    run: async ({ hub, peer }, { peerId }) => {
      requireHost(peer, 'let participants unmute');
      hub.liftMute(otherParticipant(hub, peer, peerId).user.id);
      return {};
    },
  },
  /** Recorded first (their joins and tickets are refused from now on), then every peer of theirs ends. */
  removeParticipant: {
    needsJoin: true,
    run: async ({ hub, peer, services }, { peerId }) => {
      requireHost(peer, 'remove participants');
      const target = otherParticipant(hub, peer, peerId);
      await services.attendance.remove(peer.user, hub.meetingId, target.user.id);
      await hub.removeUser(target.user.id, 'The host removed you from the meeting.');
      return {};
    },
  },
  lockMeeting: {
    needsJoin: true,
    run: async ({ hub, peer, services }, { locked }) => {
      requireHost(peer, 'lock the meeting');
      await services.meetings.update(peer.user, hub.meetingId, { is_locked: locked });
      hub.setLocked(locked);
      return {};
    },
  },
  endMeeting: {
    needsJoin: true,
    run: async ({ hub, peer, services }) => {
      requireHost(peer, 'end the meeting for everyone');
      await services.attendance.end(peer.user, hub.meetingId);
      hub.end('host-ended');
      return {};
    },
  },
} satisfies Partial<HandlerTable>;
