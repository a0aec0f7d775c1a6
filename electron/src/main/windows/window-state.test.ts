import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { BrowserWindow } from '../../test/electron-mock';
import { restoreWindow, WindowStateKeeper, type DisplayArea, type WindowState } from './window-state';

vi.mock('electron', () => import('../../test/electron-mock'));

const DEFAULTS = { width: 1280, height: 820 };
const LAPTOP: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 876 } };
const MONITOR: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const ON_MONITOR: WindowState = { x: 1600, y: 100, width: 1800, height: 1000, is_maximized: false, display_id: 2 };

describe('window state (electron mocked)', () => {
  it('reopens where it was while its display is attached (electron mocked)', () => {
    expect(restoreWindow(ON_MONITOR, [LAPTOP, MONITOR], DEFAULTS)).toEqual({
      bounds: { x: 1600, y: 100, width: 1800, height: 1000 },
      isMaximized: false,
    });
  });

  it('falls back to the default size, centred, when its display is gone (electron mocked)', () => {
    expect(restoreWindow(ON_MONITOR, [LAPTOP], DEFAULTS)).toEqual({ bounds: DEFAULTS, isMaximized: false });
    // Maximized stays maximized, on the display that is left.
    expect(restoreWindow({ ...ON_MONITOR, is_maximized: true }, [LAPTOP], DEFAULTS)).toEqual({
      bounds: DEFAULTS,
      isMaximized: true,
    });
  });

  it('falls back when the display is there but the window would be off it (electron mocked)', () => {
    // Same display id, rearranged: the remembered spot is now off to the right of everything.
    const moved: DisplayArea = { id: 2, workArea: { x: -2560, y: 0, width: 2560, height: 1400 } };
    expect(restoreWindow(ON_MONITOR, [LAPTOP, moved], DEFAULTS).bounds).toEqual(DEFAULTS);
  });

  it('shrinks a window larger than its display to fit (electron mocked)', () => {
    const big = { ...ON_MONITOR, display_id: 1, x: 0, y: 0, width: 3000, height: 2000 };
    expect(restoreWindow(big, [LAPTOP], DEFAULTS).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 876 });
  });

  it('uses the defaults with nothing saved (electron mocked)', () => {
    expect(restoreWindow(null, [LAPTOP], DEFAULTS)).toEqual({ bounds: DEFAULTS, isMaximized: false });
  });

  describe('on disk (electron mocked)', () => {
    let dir: string;
    let file: string;
    const screen = { getAllDisplays: () => [LAPTOP, MONITOR], getDisplayMatching: () => MONITOR };

    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'meetai-window-'));
      file = path.join(dir, 'window-state.json');
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    });
    afterEach(async () => {
      vi.restoreAllMocks();
      await rm(dir, { recursive: true, force: true });
    });

    it('saves the normal bounds, maximized flag and display on close, and restores them (electron mocked)', async () => {
      const keeper = new WindowStateKeeper(file, screen);
      const win = new BrowserWindow({});
      win.normalBounds = { x: 1500, y: 40, width: 1600, height: 900 };
      win.maximized = true;
      keeper.track(win as unknown as ElectronBrowserWindow);
      win.emit('close');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
        x: 1500,
        y: 40,
        width: 1600,
        height: 900,
        is_maximized: true,
        display_id: 2,
      });
      expect(new WindowStateKeeper(file, screen).restore(DEFAULTS)).toEqual({
        bounds: { x: 1500, y: 40, width: 1600, height: 900 },
        isMaximized: true,
      });
    });

    it('treats a damaged file as no saved state (electron mocked)', async () => {
      await writeFile(file, '{"x": "left"');
      expect(new WindowStateKeeper(file, screen).restore(DEFAULTS)).toEqual({ bounds: DEFAULTS, isMaximized: false });
      await writeFile(file, JSON.stringify({ ...ON_MONITOR, width: -5 }));
      expect(new WindowStateKeeper(file, screen).read()).toBeNull();
      expect(console.warn).toHaveBeenCalled();
    });
  });
});
