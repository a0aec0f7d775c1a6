import type { HandlerContext } from './handlers/types';
import { SignalingError } from './signaling-error';

/**
 * A microphone the host muted stays muted: the participant's own unmute
 * (`resumeProducer`, a new unpaused mic, `updatePeerState {isMuted: false}`)
 * is refused with MUTED_BY_HOST until the host sends `allowUnmute`, unless the
 * meeting allows self-unmute, in which case unmuting lifts the hold.
 */
export async function assertMayUnmute({ hub, peer, services }: Pick<HandlerContext, 'hub' | 'peer' | 'services'>) {
  if (!hub.isMuteHeld(peer.user.id)) return;
  const meeting = await services.meetings.get(hub.meetingId);
  if (meeting.allow_self_unmute !== 1) {
    throw new SignalingError('MUTED_BY_HOST', 'The host muted you: raise your hand to ask them to let you unmute.');
  }
  hub.liftMute(peer.user.id);
}
