import path from 'node:path';
import { app, type WebContents } from 'electron';
import { APP_PROTOCOL, parseDeepLink, type BridgeEvent, type DeepLink } from '@meetai/shared';
import { createLogger } from './logger';

const log = createLogger('deeplink');

const OPEN_EVENT: BridgeEvent = 'deeplink:open';
const LINK_PREFIX = `${APP_PROTOCOL}:`;

/** The `meeting:` link on a command line (cold start on Windows/Linux, or a second instance), if any. */
export function linkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(LINK_PREFIX));
}

/**
 * Routes deep links to the renderer. A link that arrives before the renderer
 * has said `app:ready` (always the case on a cold start) is held; only the
 * latest is kept, since it is the user's latest intent. The renderer receives
 * the parsed route, never the raw string.
 */
export class DeepLinkRouter {
  private held: DeepLink | null = null;
  private target: WebContents | null = null;
  private readonly watched = new WeakSet<WebContents>();

  receive(raw: string): void {
    const link = parseDeepLink(raw);
    if (!link) {
      log.warn('receive() | malformed link dropped');
      return;
    }
    if (this.target && !this.target.isDestroyed()) {
      this.target.send(OPEN_EVENT, link);
    } else {
      this.held = link;
    }
  }

  /** The renderer in `contents` is listening: deliver what was held, and send to it from now on. */
  rendererReady(contents: WebContents): void {
    if (!this.watched.has(contents)) {
      this.watched.add(contents);
      contents.once('destroyed', () => this.detach(contents));
      // A reload unloads the listener; hold links until the new page says ready again.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) this.detach(contents);
      });
    }
    this.target = contents;
    if (this.held) {
      contents.send(OPEN_EVENT, this.held);
      this.held = null;
    }
  }

  private detach(contents: WebContents): void {
    if (this.target === contents) this.target = null;
  }
}

/**
 * Registers the `meeting:` scheme with the OS and listens on every route a link
 * can arrive by: argv at cold start, `second-instance` (Windows and Linux,
 * where the OS starts a new process), and `open-url` (macOS). Call before
 * `ready`, because macOS may deliver `open-url` during launch.
 */
export function listenForDeepLinks(router: DeepLinkRouter, argv: readonly string[] = process.argv): void {
  if (process.defaultApp && argv.length >= 2) {
    // Unpackaged (`electron main.cjs`): the OS must relaunch electron with our script, not electron alone.
    app.setAsDefaultProtocolClient(APP_PROTOCOL, process.execPath, [path.resolve(argv[1] ?? '')]);
  } else {
    app.setAsDefaultProtocolClient(APP_PROTOCOL);
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    router.receive(url);
  });
  app.on('second-instance', (_event, secondArgv) => {
    const link = linkInArgv(secondArgv);
    if (link) router.receive(link);
  });
  const coldStartLink = linkInArgv(argv);
  if (coldStartLink) router.receive(coldStartLink);
}
