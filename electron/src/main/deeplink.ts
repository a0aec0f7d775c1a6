import path from 'node:path';
import { app } from 'electron';
import { APP_PROTOCOL, parseDeepLink } from '@meetai/shared';
import { createLogger } from './logger';
import type { RendererEvents } from './renderer-events';

const log = createLogger('deeplink');

const LINK_PREFIX = `${APP_PROTOCOL}:`;

/** The `meeting:` link on a command line (cold start on Windows/Linux, or a second instance), if any. */
export function linkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(LINK_PREFIX));
}

/**
 * Routes deep links to the page as `deeplink:open`, held until it is ready.
 * The page receives the parsed route, never the raw string; a link that does
 * not parse is refused, and `onRefused` tells the user so.
 */
export class DeepLinkRouter {
  constructor(
    private readonly events: RendererEvents,
    private readonly onRefused: () => void = () => undefined,
  ) {}

  receive(raw: string): void {
    const link = parseDeepLink(raw);
    if (!link) {
      log.warn('receive() | malformed link refused');
      this.onRefused();
      return;
    }
    this.events.send('deeplink:open', link, { hold: true });
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
