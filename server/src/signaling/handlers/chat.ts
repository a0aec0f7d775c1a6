import { SignalingError } from '../signaling-error';
import type { HandlerTable } from './types';

export const chatHandlers = {
  /** Stored first, then sent to the others; the sender has it in the reply. Limited per user and meeting. */
  sendChat: {
    needsJoin: true,
    run: async ({ hub, peer, services }, { text }) => {
      if (!hub.allowChat(peer.user.id, services.limits.chatMessages)) {
        throw new SignalingError('RATE_LIMITED', 'You are sending messages too fast: wait a few seconds.');
      }
      const message = await services.chat.add({
        meetingId: hub.meetingId,
        userId: peer.user.id,
        displayName: peer.displayName,
        text,
        sentAt: services.now(),
      });
      hub.broadcast('chatMessage', { message }, peer);
      return { message };
    },
  },
} satisfies Partial<HandlerTable>;
