import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '@meetai/shared';
import { BridgeError } from './ipc/handle';
import { UpdateService, type UpdaterLike } from './updater';

vi.mock('electron', () => import('../test/electron-mock'));

/** Plays electron-updater: records how it was configured; a test emits its events. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = console;
  readonly setFeedURL = vi.fn();
  readonly quitAndInstall = vi.fn();
  readonly checkForUpdates = vi.fn(async () => {
    this.emit('checking-for-update');
    return null;
  });
}

describe('updater (electron mocked)', () => {
  let published: UpdateStatus[];
  let updater: FakeUpdater;
  let load: ReturnType<typeof vi.fn<() => Promise<UpdaterLike>>>;
  const service = (feedUrl: string | undefined, isPackaged = true) =>
    new UpdateService({ feedUrl, isPackaged, load, publish: (status) => published.push(status) });

  beforeEach(() => {
    published = [];
    updater = new FakeUpdater();
    load = vi.fn(async () => updater as unknown as UpdaterLike);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('is off without a feed, and never loads electron-updater (electron mocked)', async () => {
    for (const feed of [undefined, '', 'ftp://updates.example/', 'not a url']) {
      const updates = service(feed);
      expect(updates.status).toEqual({ state: 'disabled', reason: 'no-feed' });
      expect(updates.isEnabled).toBe(false);
      await updates.start();
      await expect(updates.check()).resolves.toEqual({ state: 'disabled', reason: 'no-feed' });
      expect(() => updates.install()).toThrow(BridgeError);
    }
    expect(load).not.toHaveBeenCalled();
    expect(published).toEqual([]);
  });

  it('is off in an unpacked app even with a feed (electron mocked)', async () => {
    const updates = service('https://updates.meetai.example/desktop/', false);
    await updates.start();
    expect(updates.status).toEqual({ state: 'disabled', reason: 'unpackaged' });
    expect(load).not.toHaveBeenCalled();
  });

  it('checks the generic feed at start and downloads in the background (electron mocked)', async () => {
    const updates = service('https://updates.meetai.example/desktop/');
    await updates.start();
    updates.stop();
    expect(updater.setFeedURL).toHaveBeenCalledExactlyOnceWith({
      provider: 'generic',
      url: 'https://updates.meetai.example/desktop/',
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(published).toEqual([{ state: 'checking' }]);
  });

  it('publishes progress and a ready update, and installs only then (electron mocked)', async () => {
    const updates = service('https://updates.meetai.example/desktop/');
    await updates.start();
    updates.stop();
    expect(() => updates.install()).toThrow(/No update has been downloaded/);
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 42.5 });
    updater.emit('download-progress', { percent: 100.0001 });
    // A check while downloading does not start another one.
    await updates.check();
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(published.slice(1)).toEqual([
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 42.5 },
      { state: 'downloading', version: '0.2.0', percent: 100 },
      { state: 'ready', version: '0.2.0' },
    ]);
    updates.install();
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('says up to date, and reports a failed check in words (electron mocked)', async () => {
    const updates = service('https://updates.meetai.example/desktop/');
    await updates.start();
    updates.stop();
    updater.emit('update-not-available');
    expect(updates.status).toEqual({ state: 'up-to-date' });
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    await expect(updates.check()).resolves.toEqual({ state: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(published.at(-1)).toEqual({ state: 'error', message: 'sha512 checksum mismatch' });
  });
});
