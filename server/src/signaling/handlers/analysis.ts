import { SignalingError } from '../signaling-error';
import type { HandlerTable } from './types';

export const analysisHandlers = {
  /** Host only. Everyone learns the outcome from `analysisStatusChanged`; the reply carries it as well. */
  setAnalysis: {
    needsJoin: true,
    run: async ({ hub, peer, services }, change) => {
      if (!peer.isHost) throw new SignalingError('NOT_HOST', 'Only the host can switch emotion or voice analysis.');
      if (!services.analysis) {
        throw new SignalingError('AI_UNAVAILABLE', 'This server runs no AI module, so it has no analysis.');
      }
      return { status: await services.analysis.set(hub.meetingId, change) };
    },
  },
} satisfies Partial<HandlerTable>;
