import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisplayMediaRequestHandlerHandlerRequest, WebContents } from 'electron';
import { desktopCapturer, fakeImage, FakeWebContents, webContents } from '../../test/electron-mock';
import { BridgeError } from '../ipc/handle';
import { APP_ORIGIN } from './renderer-source';
import { PICK_LIFETIME_MS, ScreenShare } from './screen-share';

vi.mock('electron', () => import('../../test/electron-mock'));

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const SOURCES = [
  { id: 'screen:0:0', name: 'Entire screen', thumbnail: fakeImage(PNG), appIcon: null, display_id: '1' },
  { id: 'window:4194307:0', name: 'Notes', thumbnail: fakeImage(PNG), appIcon: fakeImage(PNG), display_id: '' },
  { id: 'window:4194308:0', name: 'Minimized', thumbnail: fakeImage(null), appIcon: fakeImage(null), display_id: '' },
];

const asWebContents = (contents: FakeWebContents) => contents as unknown as WebContents;

/** A getDisplayMedia() request as Chromium hands it to the handler. */
function requestFrom(
  frame: { url: string; parent?: unknown } | null,
  options: { video?: boolean; audio?: boolean } = {},
): DisplayMediaRequestHandlerHandlerRequest {
  return {
    frame: frame ? { parent: null, ...frame } : null,
    securityOrigin: frame ? new URL(frame.url).origin : '',
    videoRequested: options.video ?? true,
    audioRequested: options.audio ?? false,
    userGesture: true,
  } as unknown as DisplayMediaRequestHandlerHandlerRequest;
}

function decide(share: ScreenShare, request: DisplayMediaRequestHandlerHandlerRequest): Promise<unknown> {
  return new Promise((resolve) => share.handleRequest(request, resolve));
}

describe('screen sharing with the app picker (electron mocked)', () => {
  let now: number;
  let page: FakeWebContents;
  let share: ScreenShare;
  const appFrame = { url: `${APP_ORIGIN}/index.html#/room/3` };

  beforeEach(() => {
    now = 1_000_000;
    page = new FakeWebContents();
    desktopCapturer.sources = [...SOURCES];
    desktopCapturer.getSources.mockClear();
    webContents.fromFrame.mockImplementation(() => page);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    share = new ScreenShare({ appOrigin: APP_ORIGIN, platform: 'linux', now: () => now });
  });
  afterEach(() => vi.restoreAllMocks());

  it('lists screens and windows with names, thumbnails and icons (electron mocked)', async () => {
    const listed = await share.listSources(asWebContents(page));
    expect(listed).toEqual({
      can_share_audio: false,
      sources: [
        { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: PNG, icon: null },
        { id: 'window:4194307:0', name: 'Notes', kind: 'window', thumbnail: PNG, icon: PNG },
        {
          id: 'window:4194308:0',
          name: 'Minimized',
          kind: 'window',
          thumbnail: 'data:image/png;base64,',
          icon: null,
        },
      ],
    });
    expect(desktopCapturer.getSources).toHaveBeenCalledWith(
      expect.objectContaining({ types: ['screen', 'window'], fetchWindowIcons: true }),
    );
  });

  it('grants the picked source, once, to the page that picked it (electron mocked)', async () => {
    await share.listSources(asWebContents(page));
    share.select(asWebContents(page), { source_id: 'window:4194307:0', with_audio: false });
    await expect(decide(share, requestFrom(appFrame))).resolves.toEqual({
      video: { id: 'window:4194307:0', name: 'Notes' },
    });
    // The pick is spent: a second getDisplayMedia() without a new pick gets nothing.
    await expect(decide(share, requestFrom(appFrame))).resolves.toBeNull();
  });

  it('refuses a capture nobody picked, or picked too long ago (electron mocked)', async () => {
    await expect(decide(share, requestFrom(appFrame))).resolves.toBeNull();
    await share.listSources(asWebContents(page));
    share.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: false });
    now += PICK_LIFETIME_MS + 1;
    await expect(decide(share, requestFrom(appFrame))).resolves.toBeNull();
  });

  it('refuses other origins, subframes, vanished frames and audio-only requests (electron mocked)', async () => {
    const pickScreen = async () => {
      await share.listSources(asWebContents(page));
      share.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: false });
    };
    for (const request of [
      requestFrom({ url: 'https://evil.example/' }),
      requestFrom({ url: `${APP_ORIGIN}/index.html`, parent: {} }),
      requestFrom(null),
      requestFrom(appFrame, { video: false, audio: true }),
    ]) {
      await pickScreen();
      await expect(decide(share, request)).resolves.toBeNull();
    }
  });

  it('refuses a source the page was not offered, in words (electron mocked)', async () => {
    expect(() => share.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: false })).toThrow(
      BridgeError,
    );
    await share.listSources(asWebContents(page));
    expect(() => share.select(asWebContents(page), { source_id: 'window:999:0', with_audio: false })).toThrow(
      /Pick a screen or window/,
    );
    // Another page cannot use the list this page was shown.
    const other = new FakeWebContents();
    expect(() => share.select(asWebContents(other), { source_id: 'screen:0:0', with_audio: false })).toThrow(
      BridgeError,
    );
  });

  it('refuses when the picked window closed before the capture started (electron mocked)', async () => {
    await share.listSources(asWebContents(page));
    share.select(asWebContents(page), { source_id: 'window:4194307:0', with_audio: false });
    desktopCapturer.sources = SOURCES.filter((source) => source.id !== 'window:4194307:0');
    await expect(decide(share, requestFrom(appFrame))).resolves.toBeNull();
  });

  it('adds system audio (loopback) only on Windows, only when picked and asked for (electron mocked)', async () => {
    const windows = new ScreenShare({ appOrigin: APP_ORIGIN, platform: 'win32', now: () => now });
    expect((await windows.listSources(asWebContents(page))).can_share_audio).toBe(true);
    windows.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: true });
    await expect(decide(windows, requestFrom(appFrame, { audio: true }))).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Entire screen' },
      audio: 'loopback',
    });
    windows.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: true });
    await expect(decide(windows, requestFrom(appFrame, { audio: false }))).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Entire screen' },
    });
    // Linux: the same pick with audio gets the picture alone.
    await share.listSources(asWebContents(page));
    share.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: true });
    await expect(decide(share, requestFrom(appFrame, { audio: true }))).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Entire screen' },
    });
  });

  it('refuses rather than hangs when listing sources fails (electron mocked)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await share.listSources(asWebContents(page));
    share.select(asWebContents(page), { source_id: 'screen:0:0', with_audio: false });
    desktopCapturer.getSources.mockRejectedValueOnce(new Error('no screen access'));
    await expect(decide(share, requestFrom(appFrame))).resolves.toBeNull();
  });
});
