import type { DesktopBridge, ScreenSource as DesktopSource } from '@meetai/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScreenSource } from '../../room/media/capture';
import { SCREEN_CONSTRAINTS } from '../../room/media/encodings';

/** What the picker asks the user: the screens and windows main listed. */
export interface ScreenPickRequest {
  sources: DesktopSource[];
  /** Settles the capture: the id picked, or null when the user closed the picker. */
  answer(sourceId: string | null): void;
}

export interface ScreenPicker {
  /** The open question, for the dialog to show; null while no one is sharing. */
  store: StoreApi<{ request: ScreenPickRequest | null }>;
  choose(sources: DesktopSource[]): Promise<string | null>;
}

/** One question at a time: a second share click while the picker is open answers the first with "closed". */
export function createScreenPicker(): ScreenPicker {
  const store = createStore<{ request: ScreenPickRequest | null }>(() => ({ request: null }));
  return {
    store,
    choose(sources) {
      store.getState().request?.answer(null);
      return new Promise((resolve) => {
        const request: ScreenPickRequest = {
          sources,
          answer: (sourceId) => {
            if (store.getState().request === request) store.setState({ request: null });
            resolve(sourceId);
          },
        };
        store.setState({ request });
      });
    },
  };
}

/**
 * Screen capture in the desktop app, where Chromium has no picker of its own:
 * main lists the screens and windows, the room's picker asks the user, main is
 * told the pick, and getDisplayMedia() then receives exactly that source.
 * Closing the picker rejects like the browser's picker does (NotAllowedError),
 * which the room treats as a choice, not a fault. System audio is not asked
 * for: the room produces no screen audio yet.
 */
export function desktopScreenSource(
  bridge: Pick<DesktopBridge, 'screenListSources' | 'screenSelect'>,
  picker: Pick<ScreenPicker, 'choose'>,
  mediaDevices: MediaDevices | undefined,
): ScreenSource {
  return {
    async capture() {
      if (!mediaDevices?.getDisplayMedia) throw new DOMException('Screen capture is unavailable', 'NotSupportedError');
      const { sources } = await bridge.screenListSources();
      const sourceId = await picker.choose(sources);
      if (!sourceId) throw new DOMException('The screen picker was closed', 'NotAllowedError');
      await bridge.screenSelect({ source_id: sourceId, with_audio: false });
      return mediaDevices.getDisplayMedia({ video: SCREEN_CONSTRAINTS, audio: false });
    },
  };
}
