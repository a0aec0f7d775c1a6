import type { HandlerTable } from './types';

export const chatHandlers = {
  /** Stored first, then sent to the others; the sender has it in the reply. */
  sendChat: {
    needsJoin: true,
    run: async ({ hub, peer, services }, { text }) => {
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
