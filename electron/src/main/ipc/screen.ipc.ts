import type { ScreenShare } from '../windows/screen-share';
import { HandlerGroup, type SenderTrust } from './handle';

const handlers = new HandlerGroup();

/** The app's own screen picker: the list with thumbnails, then the user's pick (see screen-share.ts). */
export function register(trust: SenderTrust, screenShare: Pick<ScreenShare, 'listSources' | 'select'>): void {
  handlers.add('screen:listSources', (_request, event) => screenShare.listSources(event.sender), trust);
  handlers.add(
    'screen:select',
    (request, event) => {
      screenShare.select(event.sender, request);
      return null;
    },
    trust,
  );
}

export function dispose(): void {
  handlers.dispose();
}
