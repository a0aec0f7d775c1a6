import type { MeetingPresence } from '@meetai/shared';
import { HandlerGroup, type SenderTrust } from './handle';

const handlers = new HandlerGroup();

/** The page says which meeting it is in (or none): the tray, the power-save blocker and the badge follow. */
export function register(trust: SenderTrust, onPresence: (presence: MeetingPresence) => void): void {
  handlers.add(
    'meeting:setPresence',
    (presence) => {
      onPresence(presence);
      return null;
    },
    trust,
  );
}

export function dispose(): void {
  handlers.dispose();
}
