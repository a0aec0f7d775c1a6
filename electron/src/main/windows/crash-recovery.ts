import type { BrowserWindow, MessageBoxOptions, RenderProcessGoneDetails } from 'electron';
import type { ShellStrings } from '../i18n';
import { createLogger } from '../logger';

const log = createLogger('crash-recovery');

export interface RecoveryDeps {
  /** The shell's words in the app's current language. */
  strings(): ShellStrings;
  ask(win: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  quit(): void;
}

/** The reason in words, with the exit code when it says more than the reason does. */
export function describeGone(details: RenderProcessGoneDetails, strings: ShellStrings): string {
  const reason = strings.dialog.reasons[details.reason] ?? details.reason;
  return details.exitCode ? strings.dialog.exitCode(reason, details.exitCode) : reason;
}

/**
 * When the page's process dies, or stops answering, the window is blank or
 * frozen and nothing in it can help: main asks, natively, whether to reload,
 * saying why. One question at a time: a hang that turns into a crash asks once.
 */
export function offerReloadOnFailure(win: BrowserWindow, deps: RecoveryDeps): void {
  const contents = win.webContents;
  let isAsking = false;
  // Set when we end a hung renderer ourselves: its death is our doing, not news to report.
  let isEndingHungRenderer = false;

  const ask = async (options: MessageBoxOptions, onAnswer: (response: number) => void) => {
    if (isAsking || win.isDestroyed()) return;
    isAsking = true;
    try {
      const { response } = await deps.ask(win, options);
      if (!win.isDestroyed()) onAnswer(response);
    } catch (error) {
      log.error('ask() | the dialog failed', error);
    } finally {
      isAsking = false;
    }
  };

  contents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    if (isEndingHungRenderer) {
      isEndingHungRenderer = false;
      return;
    }
    const { dialog } = deps.strings();
    void ask(
      {
        type: 'error',
        message: dialog.crashedMessage,
        detail: dialog.crashedDetail(describeGone(details, deps.strings())),
        buttons: [dialog.reload, dialog.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      },
      (response) => (response === 0 ? contents.reload() : deps.quit()),
    );
  });

  win.on('unresponsive', () => {
    log.warn('renderer unresponsive');
    const { dialog } = deps.strings();
    void ask(
      {
        type: 'warning',
        message: dialog.hungMessage,
        detail: dialog.hungDetail,
        buttons: [dialog.wait, dialog.reload],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      },
      (response) => {
        if (response !== 1) return;
        // A hung renderer cannot run a reload itself: end its process first.
        isEndingHungRenderer = true;
        contents.forcefullyCrashRenderer();
        contents.reload();
      },
    );
  });
}
