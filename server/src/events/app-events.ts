import type { AnalysisStatus, Caption, CaptionsStatus, SpeakerEmotion, SynthesisAlert } from '@meetai/shared';
import type { EventBus } from './event-bus';

/**
 * What the core publishes for other modules (signaling closes rooms on
 * `meeting.ended`, tells peers about `participant.left`, ...). Payloads are
 * plain data, published after the change is committed.
 */
export type AppEvents = {
  'meeting.updated': { meetingId: number; code: string; isLocked: boolean; at: string };
  /**
   * `reason: 'deleted'` when the host deleted a meeting that was still running; `'admin-ended'` when an
   * administrator ended it, with the words they gave everyone in `message`.
   */
  'meeting.ended': {
    meetingId: number;
    code: string;
    reason: 'ended' | 'deleted' | 'admin-ended';
    at: string;
    message?: string;
  };
  'participant.joined': { meetingId: number; userId: number; role: 'host' | 'participant'; at: string };
  'participant.left': { meetingId: number; userId: number; reason: 'left' | 'meeting_ended' | 'removed'; at: string };
  /** From the AI module: a caption line (interim or final) for everyone in the meeting's room. */
  'caption.produced': { meetingId: number; caption: Caption };
  'captions.status': { meetingId: number; status: CaptionsStatus };
  /** From the AI module: a speaker's running emotion, after each of their final captions. */
  'emotion.speaker': { meetingId: number; emotion: SpeakerEmotion };
  /** From the AI module: the experimental synthetic-voice indicator raised or cleared a speaker's alert. */
  'synthesis.alert': { meetingId: number; alert: SynthesisAlert };
  'analysis.status': { meetingId: number; status: AnalysisStatus };
  /** An administrator banned or deleted the account: its sockets end now, with `reason` shown to it. */
  'account.closed': { userId: number; reason: string; kind: 'banned' | 'deleted'; at: string };
};

export type AppEventBus = EventBus<AppEvents>;
