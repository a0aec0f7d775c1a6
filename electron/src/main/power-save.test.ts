import { describe, expect, it, vi } from 'vitest';
import { powerSaveBlocker } from '../test/electron-mock';
import { MeetingPowerSave } from './power-save';

vi.mock('electron', () => import('../test/electron-mock'));

describe('power-save blocker (electron mocked)', () => {
  it('keeps the display awake from joining to leaving, once (electron mocked)', () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const powerSave = new MeetingPowerSave();
    const inMeeting = { meeting_id: 3, title: 'Weekly', is_muted: false };
    powerSave.update(inMeeting);
    powerSave.update({ ...inMeeting, is_muted: true });
    expect(powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    expect(powerSaveBlocker.active.size).toBe(1);
    powerSave.update(null);
    powerSave.update(null);
    expect(powerSaveBlocker.stop).toHaveBeenCalledOnce();
    expect(powerSaveBlocker.active.size).toBe(0);
  });
});
