import type { UpdateStatus } from '@meetai/shared';
import { BridgeError } from './ipc/handle';
import { createLogger, type Logger } from './logger';

const log = createLogger('updater');

/** How often a running app looks for a newer version after the check at start. */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** The part of electron-updater's AppUpdater this module drives. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: Logger | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateServiceOptions {
  /** The generic feed (a folder with latest*.yml and the installers); none means updates are off. */
  feedUrl: string | undefined;
  isPackaged: boolean;
  /** Loads electron-updater only when it will be used: it reads the app's files as soon as it is imported. */
  load: () => Promise<UpdaterLike>;
  /** Every change of status, for the page (`updater:status`). */
  publish: (status: UpdateStatus) => void;
}

/** A feed is an http(s) URL; anything else is treated as no feed, and said so. */
export function parseFeedUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // fall through
  }
  log.warn(`parseFeedUrl() | "${value}" is not an http(s) URL; updates are off`);
  return null;
}

/**
 * Updates with electron-updater from a generic feed: checked at start and every
 * few hours, downloaded in the background with progress, installed when the
 * user agrees to restart (or at the next quit). Off, and electron-updater never
 * loaded, without a feed or in an unpacked app.
 */
export class UpdateService {
  private current: UpdateStatus;
  private readonly feedUrl: string | null;
  private updater: UpdaterLike | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: UpdateServiceOptions) {
    this.feedUrl = parseFeedUrl(options.feedUrl);
    this.current = !this.feedUrl
      ? { state: 'disabled', reason: 'no-feed' }
      : !options.isPackaged
        ? { state: 'disabled', reason: 'unpackaged' }
        : { state: 'idle' };
  }

  get status(): UpdateStatus {
    return this.current;
  }

  get isEnabled(): boolean {
    return this.current.state !== 'disabled';
  }

  /** Loads and configures the updater, checks once, then keeps checking. Does nothing when updates are off. */
  async start(): Promise<void> {
    if (!this.isEnabled || !this.feedUrl || this.updater) return;
    const updater = await this.options.load();
    updater.logger = log;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.setFeedURL({ provider: 'generic', url: this.feedUrl });
    updater.on('checking-for-update', () => this.set({ state: 'checking' }));
    updater.on('update-not-available', () => this.set({ state: 'up-to-date' }));
    updater.on('update-available', (info) => this.set({ state: 'downloading', version: info.version, percent: 0 }));
    updater.on('download-progress', (progress) => {
      const version = this.current.state === 'downloading' ? this.current.version : '';
      this.set({ state: 'downloading', version, percent: Math.min(100, Math.max(0, progress.percent)) });
    });
    updater.on('update-downloaded', (info) => this.set({ state: 'ready', version: info.version }));
    updater.on('error', (error) => this.set({ state: 'error', message: error.message.slice(0, 500) }));
    this.updater = updater;
    await this.check();
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    this.timer.unref?.();
  }

  /** Looks for an update now, unless one is already being looked for, downloaded or waiting. */
  async check(): Promise<UpdateStatus> {
    const { state } = this.current;
    if (!this.updater || state === 'checking' || state === 'downloading' || state === 'ready') return this.current;
    try {
      await this.updater.checkForUpdates();
    } catch (error) {
      this.set({ state: 'error', message: (error instanceof Error ? error.message : String(error)).slice(0, 500) });
    }
    return this.current;
  }

  install(): void {
    if (!this.updater || this.current.state !== 'ready') {
      throw new BridgeError('VALIDATION_FAILED', 'No update has been downloaded yet.');
    }
    log.info(`install() | restarting into ${this.current.version}`);
    this.updater.quitAndInstall();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private set(status: UpdateStatus): void {
    this.current = status;
    this.options.publish(status);
  }
}
