import { app, type WebContents } from 'electron';
import { HandlerGroup, type SenderTrust } from './handle';

export interface AppIpcOptions {
  /** The renderer has mounted and subscribed to events: events held for it may now be sent. */
  onRendererReady(contents: WebContents): void;
  /** The meeting's unread chat count, for the badge and the tray. */
  onUnreadCount(count: number): void;
}

const handlers = new HandlerGroup();

export function register(trust: SenderTrust, options: AppIpcOptions): void {
  handlers.add(
    'app:getInfo',
    () => ({ version: app.getVersion(), platform: process.platform, is_desktop: true }),
    trust,
  );
  handlers.add(
    'app:ready',
    (_request, event) => {
      options.onRendererReady(event.sender);
      return null;
    },
    trust,
  );
  handlers.add(
    'app:setUnreadCount',
    (count) => {
      options.onUnreadCount(count);
      return null;
    },
    trust,
  );
}

export function dispose(): void {
  handlers.dispose();
}
