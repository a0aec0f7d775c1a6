import type { CaptionsSize } from '@meetai/shared';
import { createLogger } from '../../lib/logger';
import { updateSettings, useSettingsStore } from '../settings';

const log = createLogger('captions-preferences');

export interface CaptionsPreferences {
  /** Whether this user shows captions over the video; the meeting's captions are the host's switch. */
  isVisible: boolean;
  size: CaptionsSize;
  setVisible(isVisible: boolean): void;
  setSize(size: CaptionsSize): void;
}

/** The user's own caption choices, remembered with the other settings (through the bridge). */
export function useCaptionsPreferences(): CaptionsPreferences {
  const isVisible = useSettingsStore((s) => s.settings.captions_visible);
  const size = useSettingsStore((s) => s.settings.captions_size);
  const save = (patch: Parameters<typeof updateSettings>[0]) =>
    void updateSettings(patch).catch((error: unknown) => log.warn('could not save the caption settings', error));
  return {
    isVisible,
    size,
    setVisible: (value) => save({ captions_visible: value }),
    setSize: (value) => save({ captions_size: value }),
  };
}
