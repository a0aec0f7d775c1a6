import type { WebContents } from 'electron';
import type { BridgeEvent, BridgeEventPayload } from '@meetai/shared';

/**
 * Pushes bridge events to the page. The page listens only once it has mounted
 * and said `app:ready`; until then (a cold start, a reload, a window opened
 * again) events that must not be lost are held, the latest of each kind, since
 * it is the user's latest intent. Events that would be stale later (a tray
 * "mute") are dropped instead.
 */
export class RendererEvents {
  private target: WebContents | null = null;
  private readonly held = new Map<BridgeEvent, unknown>();
  private readonly watched = new WeakSet<WebContents>();

  send<E extends BridgeEvent>(event: E, payload: BridgeEventPayload<E>, options: { hold: boolean }): boolean {
    if (this.target && !this.target.isDestroyed()) {
      this.target.send(event, payload);
      return true;
    }
    if (options.hold) this.held.set(event, payload);
    return false;
  }

  /** The page in `contents` is listening: deliver what was held, and send to it from now on. */
  rendererReady(contents: WebContents): void {
    if (!this.watched.has(contents)) {
      this.watched.add(contents);
      contents.once('destroyed', () => this.detach(contents));
      // A reload unloads the listeners; hold events until the new page says ready again.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) this.detach(contents);
      });
    }
    this.target = contents;
    for (const [event, payload] of this.held) contents.send(event, payload);
    this.held.clear();
  }

  private detach(contents: WebContents): void {
    if (this.target === contents) this.target = null;
  }
}
