import { SignalingError } from '../signaling-error';
import type { HandlerTable } from './types';

export const captionHandlers = {
  /** Host only. Everyone (the host too) learns the outcome from `captionsStatusChanged`; the reply carries it as well. */
  setCaptions: {
    needsJoin: true,
    run: async ({ hub, peer, services }, { enabled, language }) => {
      if (!peer.isHost) throw new SignalingError('NOT_HOST', 'Only the host can switch captions on or off.');
      if (!services.captions) {
        throw new SignalingError('AI_UNAVAILABLE', 'This server runs no speech recognition, so it has no captions.');
      }
      return { status: await services.captions.set(hub.meetingId, { isEnabled: enabled, language }) };
    },
  },
} satisfies Partial<HandlerTable>;
