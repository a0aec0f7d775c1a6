import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronBrowserWindow, MessageBoxOptions } from 'electron';
import { BrowserWindow } from '../../test/electron-mock';
import { stringsFor } from '../i18n';
import { offerReloadOnFailure } from './crash-recovery';

vi.mock('electron', () => import('../../test/electron-mock'));

/** Lets the dialog's promise and its answer run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('crash and hang recovery (electron mocked)', () => {
  let win: BrowserWindow;
  let answers: number[];
  let asked: MessageBoxOptions[];
  let quit: ReturnType<typeof vi.fn<() => void>>;
  let language: 'en' | 'zh-CN';

  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    win = new BrowserWindow({});
    answers = [];
    asked = [];
    quit = vi.fn();
    language = 'en';
    offerReloadOnFailure(win as unknown as ElectronBrowserWindow, {
      strings: () => stringsFor(language),
      ask: async (_parent, options) => {
        asked.push(options);
        return { response: answers.shift() ?? 0 };
      },
      quit,
    });
  });

  it('offers a reload after a crash, saying why, and reloads when chosen (electron mocked)', async () => {
    answers.push(0);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    await settle();
    expect(asked).toHaveLength(1);
    expect(asked[0]?.message).toBe('The MeetAI window stopped working.');
    expect(asked[0]?.detail).toContain('it ran out of memory');
    expect(asked[0]?.buttons).toEqual(['Reload', 'Quit']);
    expect(win.webContents.reload).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
  });

  it('quits when the user chooses to, and says the exit code of an unknown crash (electron mocked)', async () => {
    language = 'zh-CN';
    answers.push(1);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await settle();
    expect(asked[0]?.detail).toContain('窗口崩溃（退出码 139）');
    expect(asked[0]?.buttons).toEqual(['重新加载', '退出']);
    expect(quit).toHaveBeenCalledOnce();
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });

  it('says nothing when the page closed normally (electron mocked)', async () => {
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await settle();
    expect(asked).toHaveLength(0);
  });

  it('on a hang, waits or ends the page and reloads it, without a second question (electron mocked)', async () => {
    answers.push(0);
    win.emit('unresponsive');
    await settle();
    expect(asked[0]?.message).toBe('MeetAI is not responding.');
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();

    answers.push(1);
    win.emit('unresponsive');
    await settle();
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(win.webContents.reload).toHaveBeenCalledOnce();
    // Ending the hung page is our doing: no crash dialog follows.
    win.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    await settle();
    expect(asked).toHaveLength(2);
  });

  it('asks one question at a time (electron mocked)', async () => {
    win.emit('unresponsive');
    win.emit('unresponsive');
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(asked).toHaveLength(1);
  });
});
