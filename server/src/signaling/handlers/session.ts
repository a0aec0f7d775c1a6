import { SignalingCloseCodes } from '@meetai/shared';
import type { types as ms } from 'mediasoup';
import { CHAT_HISTORY_LIMIT } from '../chat-repository';
import { assertMayUnmute } from '../mute-hold';
import { SignalingError } from '../signaling-error';
import type { HandlerTable } from './types';

export const sessionHandlers = {
  /**
   * Enters the room, or resumes a peer the others already know (after a
   * reconnect within the grace period, or after `roomRestarted`): then the
   * reply says `resumed: true` and nobody is told about a new peer. The
   * display name is the account's (set when the socket attached); the
   * request's `displayName` is still accepted from older clients but ignored.
   */
  join: {
    needsJoin: false,
    run: async ({ hub, peer, services, after }, { rtpCapabilities, state }) => {
      if (peer.joined) throw new SignalingError('ALREADY_JOINED', 'This connection has already joined.');
      // The socket may have opened from the lobby, before the REST join, or the host removed us since.
      const presence = await services.attendance.presence(peer.user.id, hub.meetingId);
      if (presence.state === 'removed')
        throw new SignalingError('FORBIDDEN', 'The host removed you from this meeting.');
      if (presence.state !== 'present') {
        throw new SignalingError(
          'NOT_A_PARTICIPANT',
          "Join the meeting first (the lobby's Join), then enter the room.",
        );
      }
      if (presence.displayName) peer.displayName = presence.displayName;
      const chatHistory = await services.chat.recent(hub.meetingId, CHAT_HISTORY_LIMIT);
      const captions = await services.captions?.status(hub.meetingId);
      const analysis = await services.analysis?.status(hub.meetingId);
      const isResume = peer.isAnnounced;
      if (state) peer.state = { ...peer.state, ...state };
      hub.room.setRtpCapabilities(peer.id, rtpCapabilities as ms.RtpCapabilities);
      peer.joined = true;
      peer.isAnnounced = true;
      if (!isResume) hub.broadcast('peerJoined', { peer: hub.info(peer) }, peer);
      else if (state) hub.broadcast('peerState', { peerId: peer.id, state: peer.state }, peer);
      services.log.debug({ peerId: peer.id, isResume }, 'peer joined');
      // Consumers for what the others already send: only once the client has this reply.
      after(() => hub.room.receiveExisting(peer.id));
      return {
        self: hub.info(peer),
        peers: hub.others(peer).map((other) => hub.info(other)),
        chatHistory,
        isLocked: hub.isLocked,
        resumed: isResume,
        captions,
        analysis,
      };
    },
  },
  updatePeerState: {
    needsJoin: true,
    run: async ({ hub, peer, services }, patch) => {
      if (patch.isMuted === false && peer.state.isMuted) await assertMayUnmute({ hub, peer, services });
      peer.state = { ...peer.state, ...patch };
      hub.broadcast('peerState', { peerId: peer.id, state: peer.state }, peer);
      return { state: peer.state };
    },
  },
  /** Immediate, unlike a dropped socket: no grace period, the participant is marked left. */
  leave: {
    needsJoin: false,
    run: async ({ hub, peer }) => {
      const link = peer.link;
      await hub.remove(peer, { markLeft: true });
      link?.close(SignalingCloseCodes.LEFT, 'You left the meeting.');
      return {};
    },
  },
} satisfies Partial<HandlerTable>;
