import {
  desktopCapturer,
  webContents as allWebContents,
  type DesktopCapturerSource,
  type DisplayMediaRequestHandlerHandlerRequest,
  type NativeImage,
  type Streams,
  type WebContents,
} from 'electron';
import type { BridgeResponse, ScreenSource } from '@meetai/shared';
import { BridgeError } from '../ipc/handle';
import { createLogger } from '../logger';
import { isSameOrigin } from './renderer-source';

const log = createLogger('screen-share');

/** A pick is good for the getDisplayMedia() call that follows it, not for one made long after. */
export const PICK_LIFETIME_MS = 30_000;
const THUMBNAIL_SIZE = { width: 320, height: 180 };

interface Pick {
  sourceId: string;
  withAudio: boolean;
  at: number;
}

export interface ScreenShareDeps {
  /** Only pages of this origin may share. */
  appOrigin: string;
  getSources?: (options: Electron.SourcesOptions) => Promise<DesktopCapturerSource[]>;
  /** Which page a request's frame belongs to. */
  contentsOfFrame?: (frame: NonNullable<DisplayMediaRequestHandlerHandlerRequest['frame']>) => WebContents | undefined;
  platform?: NodeJS.Platform;
  now?: () => number;
}

type DisplayMediaCallback = (streams: Streams | null) => void;

function dataUrlOf(image: NativeImage | null | undefined): string | null {
  if (!image || image.isEmpty()) return null;
  return image.toDataURL();
}

/**
 * Screen sharing with the app's own picker. Chromium's getDisplayMedia() has no
 * picker in Electron: main must answer it with a source. So the page asks for
 * the list (`screen:listSources`, thumbnails included), shows its picker, names
 * the user's pick (`screen:select`), then calls getDisplayMedia(); the request
 * handler grants exactly that source, once, to that page. A request with no
 * fresh pick, from a subframe or another origin, or for a source the page was
 * never offered, is refused: the page cannot capture what the user did not choose.
 */
export class ScreenShare {
  private readonly offered = new WeakMap<WebContents, Set<string>>();
  private readonly picks = new WeakMap<WebContents, Pick>();
  private readonly getSources: NonNullable<ScreenShareDeps['getSources']>;
  private readonly contentsOfFrame: NonNullable<ScreenShareDeps['contentsOfFrame']>;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => number;

  constructor(private readonly deps: ScreenShareDeps) {
    this.getSources = deps.getSources ?? ((options) => desktopCapturer.getSources(options));
    this.contentsOfFrame = deps.contentsOfFrame ?? ((frame) => allWebContents.fromFrame(frame));
    this.platform = deps.platform ?? process.platform;
    this.now = deps.now ?? Date.now;
  }

  /** System audio rides along only where Electron can capture it: loopback on Windows. */
  get canShareAudio(): boolean {
    return this.platform === 'win32';
  }

  async listSources(contents: WebContents): Promise<BridgeResponse<'screen:listSources'>> {
    const found = await this.getSources({
      types: ['screen', 'window'],
      thumbnailSize: THUMBNAIL_SIZE,
      fetchWindowIcons: true,
    });
    const sources: ScreenSource[] = found.map((source) => ({
      id: source.id,
      name: source.name,
      kind: source.id.startsWith('screen:') ? 'screen' : 'window',
      thumbnail: dataUrlOf(source.thumbnail) ?? 'data:image/png;base64,',
      icon: dataUrlOf(source.appIcon),
    }));
    this.offered.set(contents, new Set(sources.map((source) => source.id)));
    this.picks.delete(contents);
    return { sources, can_share_audio: this.canShareAudio };
  }

  select(contents: WebContents, request: { source_id: string; with_audio: boolean }): void {
    if (!this.offered.get(contents)?.has(request.source_id)) {
      throw new BridgeError('VALIDATION_FAILED', 'Pick a screen or window from the list the app showed.');
    }
    this.picks.set(contents, {
      sourceId: request.source_id,
      withAudio: request.with_audio && this.canShareAudio,
      at: this.now(),
    });
  }

  /** For session.setDisplayMediaRequestHandler. */
  readonly handleRequest = (
    request: DisplayMediaRequestHandlerHandlerRequest,
    callback: DisplayMediaCallback,
  ): void => {
    this.decide(request).then(callback, (error: unknown) => {
      log.error('handleRequest() | failed; refusing the capture', error);
      callback(null);
    });
  };

  private async decide(request: DisplayMediaRequestHandlerHandlerRequest): Promise<Streams | null> {
    const { frame } = request;
    if (!frame || frame.parent || !isSameOrigin(frame.url, this.deps.appOrigin)) {
      log.warn(`refused a capture for ${frame ? 'a frame that is not our page' : 'a frame that is gone'}`);
      return null;
    }
    if (!request.videoRequested) {
      log.warn('refused a capture that asked for no video');
      return null;
    }
    const contents = this.contentsOfFrame(frame);
    const pick = contents ? this.picks.get(contents) : undefined;
    if (contents) this.picks.delete(contents);
    if (!pick || this.now() - pick.at > PICK_LIFETIME_MS) {
      log.warn('refused a capture the user did not pick in the app (no pick, or a stale one)');
      return null;
    }
    // The window may have closed between the pick and now.
    const current = await this.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 0, height: 0 } });
    const source = current.find((candidate) => candidate.id === pick.sourceId);
    if (!source) {
      log.warn('refused a capture: the picked source is gone');
      return null;
    }
    const streams: Streams = { video: { id: source.id, name: source.name } };
    if (pick.withAudio && request.audioRequested) streams.audio = 'loopback';
    return streams;
  }
}
