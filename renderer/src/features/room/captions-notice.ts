import type { CaptionsStatus } from '@meetai/shared';

/** Why captions are not simply flowing; the UI says it in the user's language (`captions.notice.<kind>`). */
export type CaptionsNoticeKind = 'none' | 'off' | 'offHost' | 'noEngine' | 'unavailable' | 'paused' | 'delayed';

/**
 * The notice for a captions status, or null while captions keep up. Decided by
 * state, never by the server's English `reason` (that is shown only as detail).
 */
export function captionsNoticeKind(status: CaptionsStatus | null, isHost: boolean): CaptionsNoticeKind | null {
  if (status === null) return 'none';
  if (!status.enabled) return isHost ? 'offHost' : 'off';
  switch (status.state) {
    case 'active':
      return null;
    // Switched on, yet off: the server has no engine to run.
    case 'off':
      return 'noEngine';
    default:
      return status.state;
  }
}
