import type { ScreenSource } from '@meetai/shared';
import { describe, expect, it, vi } from 'vitest';
import { isUserCancel } from '../../room/room-errors';
import { createScreenPicker, desktopScreenSource } from './desktop-screen-source';

const SOURCES: ScreenSource[] = [
  { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,AA==', icon: null },
  { id: 'window:42:0', name: 'Notes', kind: 'window', thumbnail: 'data:image/png;base64,AA==', icon: null },
];

function setup() {
  const calls: string[] = [];
  const stream = { id: 'display-stream' } as unknown as MediaStream;
  const bridge = {
    screenListSources: vi.fn(async () => {
      calls.push('list');
      return { sources: SOURCES, can_share_audio: false };
    }),
    screenSelect: vi.fn(async (request: { source_id: string; with_audio: boolean }) => {
      calls.push(`select ${request.source_id}`);
      return null;
    }),
  };
  const mediaDevices = {
    getDisplayMedia: vi.fn(async () => {
      calls.push('getDisplayMedia');
      return stream;
    }),
  } as unknown as MediaDevices;
  const picker = createScreenPicker();
  return { calls, stream, bridge, mediaDevices, picker, source: desktopScreenSource(bridge, picker, mediaDevices) };
}

describe('desktop screen source', () => {
  it('lists, asks the picker, tells main the pick, then captures it', async () => {
    const { calls, stream, picker, source, mediaDevices } = setup();
    const capturing = source.capture();
    await vi.waitFor(() => expect(picker.store.getState().request).not.toBeNull());
    expect(picker.store.getState().request?.sources).toEqual(SOURCES);
    expect(calls).toEqual(['list']);
    picker.store.getState().request?.answer('window:42:0');
    await expect(capturing).resolves.toBe(stream);
    expect(calls).toEqual(['list', 'select window:42:0', 'getDisplayMedia']);
    expect(mediaDevices.getDisplayMedia).toHaveBeenCalledWith(expect.objectContaining({ audio: false }));
    expect(picker.store.getState().request).toBeNull();
  });

  it('rejects as a user cancel, capturing nothing, when the picker is closed', async () => {
    const { calls, picker, source } = setup();
    const capturing = source.capture();
    await vi.waitFor(() => expect(picker.store.getState().request).not.toBeNull());
    picker.store.getState().request?.answer(null);
    const error = await capturing.catch((reason: unknown) => reason);
    expect(isUserCancel(error)).toBe(true);
    expect(calls).toEqual(['list']);
  });

  it('fails, not as a cancel, when main cannot list the sources', async () => {
    const { bridge, source, mediaDevices } = setup();
    bridge.screenListSources.mockRejectedValueOnce({ code: 'INTERNAL', message: 'desktopCapturer failed' });
    const error = await source.capture().catch((reason: unknown) => reason);
    expect(isUserCancel(error)).toBe(false);
    expect(mediaDevices.getDisplayMedia).not.toHaveBeenCalled();
  });

  it('answers an earlier open question with "closed" when a new one is asked', async () => {
    const picker = createScreenPicker();
    const first = picker.choose(SOURCES);
    const second = picker.choose(SOURCES.slice(0, 1));
    await expect(first).resolves.toBeNull();
    expect(picker.store.getState().request?.sources).toHaveLength(1);
    picker.store.getState().request?.answer('screen:0:0');
    await expect(second).resolves.toBe('screen:0:0');
  });
});
