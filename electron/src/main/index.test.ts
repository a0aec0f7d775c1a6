import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/electron-mock'));

type ElectronMock = typeof import('../test/electron-mock');

let userData = '';

/**
 * Runs the main entry afresh, as one app launch, against a cleared electron
 * mock, and waits until start-up has opened the window or given up.
 */
async function launch(setup: (electron: ElectronMock) => void = () => undefined): Promise<ElectronMock> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as ElectronMock;
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  electron.app.hasSingleInstanceLock = true;
  electron.app.userDataDir = userData;
  electron.app.switches = {};
  electron.ipcMain.handlers.clear();
  electron.BrowserWindow.created.length = 0;
  electron.Tray.created.length = 0;
  setup(electron);
  await import('./index');
  // The whenReady() chain reads the settings file before it opens the window.
  await vi.waitFor(() => {
    if (electron.BrowserWindow.created.length === 0 && electron.app.quit.mock.calls.length === 0) {
      throw new Error('still starting');
    }
  });
  return electron;
}

describe('main entry lifecycle (electron mocked)', () => {
  const savedEnv = { ...process.env };

  beforeEach(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'meetai-main-'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
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
    const electron = await launch();
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

    // The shell around it: a tray, a menu, the display-media handler, crash recovery, a log file.
    expect(electron.Tray.created).toHaveLength(1);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(win?.webContents.session.displayMediaHandler).not.toBeNull();
    expect(win?.listenerCount('unresponsive')).toBe(1);
    expect(await readFile(path.join(userData, 'logs', 'main.log'), 'utf8')).toContain('[main] start() | MeetAI');

    electron.app.emit('will-quit');
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.Tray.created[0]?.destroy).toHaveBeenCalled();
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
    const electron = await launch();
    electron.app.emit('second-instance', {}, ['/opt/MeetAI/meetai'], '/');
    expect(electron.BrowserWindow.created[0]?.focus).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(1);
  });

  it("hands a second instance's link to the page once it is ready, and refuses a bad one in words (electron mocked)", async () => {
    process.env.MEETAI_RENDERER_URL = 'http://localhost:5173';
    const electron = await launch();
    const page = electron.BrowserWindow.created[0]?.webContents;
    electron.app.emit('second-instance', {}, ['/opt/MeetAI/meetai', 'meeting://join/123-456-789'], '/');
    expect(page?.send).not.toHaveBeenCalled();
    await electron.ipcMain.invoke('app:ready', {
      sender: page!,
      senderFrame: { url: 'http://localhost:5173/', parent: null },
    });
    expect(page?.send).toHaveBeenCalledExactlyOnceWith('deeplink:open', { route: 'join', code: '123-456-789' });

    electron.app.emit('second-instance', {}, ['/opt/MeetAI/meetai', 'meeting://join/not-a-code'], '/');
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      electron.BrowserWindow.created[0],
      expect.objectContaining({ message: 'MeetAI cannot open this link.' }),
    );
    expect(page?.send).toHaveBeenCalledOnce();
  });

  it('restores the window onto the default place when its display is gone (electron mocked)', async () => {
    process.env.MEETAI_RENDERER_URL = 'http://localhost:5173';
    const saved = { x: 2000, y: 50, width: 1500, height: 900, is_maximized: false, display_id: 77 };
    await writeFile(path.join(userData, 'window-state.json'), JSON.stringify(saved));
    const electron = await launch();
    expect(electron.BrowserWindow.created[0]?.options).toMatchObject({ width: 1280, height: 820 });
    expect(electron.BrowserWindow.created[0]?.options).not.toHaveProperty('x');
  });

  it('keeps its files in the folder --user-data-dir names (electron mocked)', async () => {
    process.env.MEETAI_RENDERER_URL = 'http://localhost:5173';
    const other = path.join(userData, 'second-profile');
    await launch(({ app }) => {
      app.switches = { 'user-data-dir': other };
    });
    expect(await readFile(path.join(other, 'logs', 'main.log'), 'utf8')).toContain('start() | MeetAI');
  });
});
