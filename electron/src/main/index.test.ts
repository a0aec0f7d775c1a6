import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/electron-mock'));

type ElectronMock = typeof import('../test/electron-mock');

/** Runs the main entry afresh, as one app launch, against a cleared electron mock. */
async function launch(setup: (electron: ElectronMock) => void = () => undefined): Promise<ElectronMock> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as ElectronMock;
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  electron.app.hasSingleInstanceLock = true;
  electron.app.userDataDir = '/nonexistent-user-data';
  electron.ipcMain.handlers.clear();
  electron.BrowserWindow.created.length = 0;
  setup(electron);
  await import('./index');
  // Let the whenReady() chain run.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return electron;
}

describe('main entry lifecycle (electron mocked)', () => {
  const savedEnv = { ...process.env };
  let userData: string;

  beforeEach(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'meetai-main-'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    vi.restoreAllMocks();
    await rm(userData, { recursive: true, force: true });
  });

  it('quits at once when another instance holds the lock (electron mocked)', async () => {
    const electron = await launch(({ app }) => {
      app.hasSingleInstanceLock = false;
    });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('registers the scheme, every bridge channel and a hardened window on the dev server (electron mocked)', async () => {
    process.env.MEETAI_RENDERER_URL = 'http://localhost:5173';
    const electron = await launch(({ app }) => {
      app.userDataDir = userData;
    });
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenCalled();
    const { BridgeChannels } = await import('@meetai/shared');
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(BridgeChannels).sort());
    expect(electron.BrowserWindow.created).toHaveLength(1);
    const [win] = electron.BrowserWindow.created;
    expect(win?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(win?.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });

    electron.app.emit('will-quit');
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('refuses to start, in words, when the bundled renderer is missing (electron mocked)', async () => {
    delete process.env.MEETAI_RENDERER_URL;
    const electron = await launch();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'MeetAI cannot start',
      expect.stringContaining('interface files are missing'),
    );
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts (electron mocked)', async () => {
    process.env.MEETAI_RENDERER_URL = 'http://localhost:5173';
    const electron = await launch(({ app }) => {
      app.userDataDir = userData;
    });
    electron.app.emit('second-instance', {}, ['/opt/MeetAI/meetai'], '/');
    expect(electron.BrowserWindow.created[0]?.focus).toHaveBeenCalled();
  });
});
