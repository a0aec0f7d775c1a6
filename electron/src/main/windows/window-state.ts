import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { createLogger } from '../logger';

const log = createLogger('window-state');

/** What is remembered of the main window between runs (window-state.json in the user data folder). */
const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(32_000),
  height: z.number().int().min(200).max(32_000),
  is_maximized: z.boolean(),
  /** The display it was on: if that display is gone, the window opens at its default place. */
  display_id: z.number(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface DisplayArea {
  id: number;
  workArea: Rectangle;
}

export interface RestoredWindow {
  /** No x/y means: let the OS centre it on the primary display. */
  bounds: { x?: number; y?: number; width: number; height: number };
  isMaximized: boolean;
}

/** Enough of the title bar on screen to grab it with the mouse. */
const MIN_VISIBLE = 64;

function visibleArea(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Where the window opens: where it was, when the display it was on is still
 * attached and enough of it would be on that display; else the default size,
 * centred. A window larger than its display's work area is shrunk to fit.
 */
export function restoreWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  defaults: { width: number; height: number },
): RestoredWindow {
  const fallback: RestoredWindow = { bounds: { ...defaults }, isMaximized: saved?.is_maximized ?? false };
  if (!saved) return fallback;
  const display = displays.find((candidate) => candidate.id === saved.display_id);
  if (!display) return fallback;
  const area = display.workArea;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  const bounds = { x: saved.x, y: saved.y, width, height };
  const visible = visibleArea(bounds, area);
  if (visible.width < MIN_VISIBLE || visible.height < MIN_VISIBLE) return fallback;
  return { bounds, isMaximized: saved.is_maximized };
}

export interface WindowStateScreen {
  getAllDisplays(): DisplayArea[];
  getDisplayMatching(rect: Rectangle): DisplayArea;
}

/** Reads the saved state (anything unreadable counts as none) and saves it again when the window closes. */
export class WindowStateKeeper {
  constructor(
    private readonly file: string,
    private readonly screen: WindowStateScreen,
  ) {}

  read(): WindowState | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = WindowStateSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: fall through
    }
    log.warn(`read() | ${this.file} is damaged; the window opens at its default place`);
    return null;
  }

  restore(defaults: { width: number; height: number }): RestoredWindow {
    return restoreWindow(this.read(), this.screen.getAllDisplays(), defaults);
  }

  /** Saves on close: the normal (unmaximized) bounds, so un-maximizing next time lands somewhere sensible. */
  track(win: BrowserWindow): void {
    win.on('close', () => {
      const bounds = win.getNormalBounds();
      this.save({
        ...bounds,
        is_maximized: win.isMaximized(),
        display_id: this.screen.getDisplayMatching(bounds).id,
      });
    });
  }

  save(state: WindowState): void {
    const parsed = WindowStateSchema.safeParse(state);
    if (!parsed.success) return;
    // Synchronous: 'close' may be the last thing this process does before it exits.
    const temp = `${this.file}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify(parsed.data)}\n`, { mode: 0o600 });
      renameSync(temp, this.file);
    } catch (error) {
      log.warn(`save() | cannot write ${this.file}`, error);
    }
  }
}
