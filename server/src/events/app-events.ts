import type { Caption, CaptionsStatus } from '@meetai/shared';
import type { EventBus } from './event-bus';

/**
 * What the core publishes for other modules (signaling closes rooms on
 * `meeting.ended`, tells peers about `participant.left`, ...). Payloads are
 * plain data, published after the change is committed.
 */
export type AppEvents = {
  'meeting.updated': { meetingId: number; code: string; isLocked: boolean; at: string };
  /** `reason: 'deleted'` when the host deleted a meeting that was still running. */
  'meeting.ended': { meetingId: number; code: string; reason: 'ended' | 'deleted'; at: string };
  'participant.joined': { meetingId: number; userId: number; role: 'host' | 'participant'; at: string };
  'participant.left': { meetingId: number; userId: number; reason: 'left' | 'meeting_ended' | 'removed'; at: string };
  /** From the AI module: a caption line (interim or final) for everyone in the meeting's room. */
  'caption.produced': { meetingId: number; caption: Caption };
  'captions.status': { meetingId: number; status: CaptionsStatus };
};

export type AppEventBus = EventBus<AppEvents>;
