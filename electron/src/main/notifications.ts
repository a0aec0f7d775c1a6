import { Notification } from 'electron';
import type { AppView, BridgeRequest, BridgeResponse } from '@meetai/shared';
import { createLogger } from './logger';

const log = createLogger('notifications');

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isWindowFocused(): boolean;
  /** Bring the window forward and show `target` in it. */
  open(target: AppView): void;
  isSupported?: () => boolean;
  create?: (options: { title: string; body: string; silent: boolean }) => NotificationLike;
}

type ShowRequest = BridgeRequest<'notification:show'>;

/**
 * Native notifications. Main decides whether one is worth showing: chat only
 * while the window is not focused (the room shows it otherwise); a synthetic-
 * voice alert and a meeting starting always. A click brings the window
 * forward on the view the notification is about.
 */
export class Notifier {
  // Electron drops a notification's click listener once the object is collected: keep each until it closes.
  private readonly live = new Set<NotificationLike>();
  private readonly isSupported: () => boolean;
  private readonly create: NonNullable<NotifierDeps['create']>;

  constructor(private readonly deps: NotifierDeps) {
    this.isSupported = deps.isSupported ?? (() => Notification.isSupported());
    this.create = deps.create ?? ((options) => new Notification(options));
  }

  show(request: ShowRequest): BridgeResponse<'notification:show'> {
    if (!this.isSupported()) return { shown: false };
    if (request.kind === 'chat' && this.deps.isWindowFocused()) return { shown: false };
    const notification = this.create({
      title: request.title,
      body: request.body,
      // A chat line is not worth a sound; an alert or a meeting starting is.
      silent: request.kind === 'chat',
    });
    this.live.add(notification);
    notification.on('click', () => {
      this.live.delete(notification);
      log.info(`click | ${request.kind} -> ${request.target.view}`);
      this.deps.open(request.target);
    });
    notification.on('close', () => this.live.delete(notification));
    notification.show();
    return { shown: true };
  }
}
