import type { AnalysisStatus } from '@meetai/shared';
import type { AnalysisControl } from '../signaling/handlers/types';
import { SignalingError } from '../signaling/signaling-error';
import type { RemoteCaptions } from './RemoteCaptions';

/**
 * Signaling's emotion and synthetic-voice analysis, served by the AI service
 * connected for the captions (the same link): asked over it. Without one a
 * join is told both are off (and why), and the host's switch answers
 * AI_UNAVAILABLE; the analysis events come over the link too.
 */
export class RemoteAnalysis implements AnalysisControl {
  constructor(private readonly captions: RemoteCaptions) {}

  /** Never fails a join: without an answer, both are reported off, saying why. */
  async status(meetingId: number): Promise<AnalysisStatus> {
    const session = this.captions.connected;
    if (!session) return offline('No AI service is connected.');
    try {
      return (await session.channel.request('analysisStatus', { meetingId })).status;
    } catch (err) {
      return offline(`The AI service did not answer: ${(err as Error).message}`);
    }
  }

  async set(meetingId: number, change: { emotion?: boolean; synthesis?: boolean }): Promise<AnalysisStatus> {
    const session = this.captions.connected;
    if (!session) throw new SignalingError('AI_UNAVAILABLE', 'No AI service is connected.');
    try {
      return (await session.channel.request('setAnalysis', { meetingId, ...change })).status;
    } catch (err) {
      throw new SignalingError('AI_UNAVAILABLE', `The AI service could not switch analysis: ${(err as Error).message}`);
    }
  }
}

function offline(reason: string): AnalysisStatus {
  return { emotion: false, synthesis: false, emotionMethod: reason, synthesisMethod: reason };
}
