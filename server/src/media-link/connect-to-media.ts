import type { FastifyBaseLogger } from 'fastify';
import type { CaptionsStatus } from '@meetai/shared';
import type { AiSettings } from '../ai/ai-settings';
import { captionsStatus } from '../ai/captions/captions-status';
import type { AppEventBus } from '../events/app-events';
import type { AudioSeam } from '../media/audio-seam';
import type { HealthRegistry } from '../observability/health-registry';
import type { AnalysisControl, CaptionsControl } from '../signaling/handlers/types';
import { DEFAULT_LINK_TIMING, LinkError, type LinkTiming } from './LinkChannel';
import { DEFAULT_BACKOFF, MediaLinkClient, type Backoff } from './MediaLinkClient';
import { RemoteAudioSeam } from './RemoteAudioSeam';

export type MediaConnection = {
  /** The SFU's audio seam, for the AI module's caption service. */
  seam: AudioSeam;
  /**
   * Connects, answering the media service's captions requests with `captions`
   * (null: this AI service transcribes nothing, AI_ASR_ENGINE=off) and its
   * analysis requests with `analysis`.
   */
  start(captions: CaptionsControl | null, analysis?: AnalysisControl): void;
  close(): void;
};

export type ConnectToMediaOptions = {
  url: string;
  token: string;
  tapHost: string;
  /** The caption language a meeting has before its host picks one (for the status of an engine that is off). */
  defaultLanguage: AiSettings['defaultLanguage'];
  events: AppEventBus;
  health: HealthRegistry;
  log: FastifyBaseLogger;
  timing?: LinkTiming;
  backoff?: Backoff;
};

/**
 * The AI service's side of a split deployment (`SERVICES=ai` with
 * AI_MEDIA_URL): a remote audio seam for its caption service, the caption
 * events of that service sent to the media service for the room, and its
 * answers to signaling's `status` / `set` asked over the link.
 */
export function connectToMedia(options: ConnectToMediaOptions): MediaConnection {
  const log = options.log.child({ module: 'media-link' });
  let captions: CaptionsControl | null = null;
  let analysis: AnalysisControl | undefined;
  const analysisOf = () => {
    if (!analysis) throw new LinkError('AI_UNAVAILABLE', 'This AI service runs no analysis.');
    return analysis;
  };
  const offStatus = (): CaptionsStatus =>
    captionsStatus({ engine: null, isEnabled: false, language: options.defaultLanguage, isBehind: false });

  const client: MediaLinkClient = new MediaLinkClient({
    url: options.url,
    token: options.token,
    timing: options.timing ?? DEFAULT_LINK_TIMING,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    log,
    handlers: {
      requests: {
        captionsStatus: async ({ meetingId }) => ({
          status: captions ? await captions.status(meetingId) : offStatus(),
        }),
        setCaptions: async ({ meetingId, isEnabled, language }) => ({
          status: captions ? await captions.set(meetingId, { isEnabled, language }) : offStatus(),
        }),
        analysisStatus: async ({ meetingId }) => ({ status: await analysisOf().status(meetingId) }),
        setAnalysis: async ({ meetingId, ...change }) => ({ status: await analysisOf().set(meetingId, change) }),
      },
      events: {
        seamEvent: (event) => seam.receive(event),
        tapClosed: ({ tapId }) => seam.tapClosed(tapId),
      },
    },
  });
  const seam = new RemoteAudioSeam(client, options.tapHost, log);

  // Caption events go to the room through the media service; none while the link is down (no audio then either).
  const unsubscribe = [
    options.events.on('caption.produced', (payload) => void client.notify('caption.produced', payload)),
    options.events.on('captions.status', (payload) => void client.notify('captions.status', payload)),
    options.events.on('emotion.speaker', (payload) => void client.notify('emotion.speaker', payload)),
    options.events.on('synthesis.alert', (payload) => void client.notify('synthesis.alert', payload)),
    options.events.on('analysis.status', (payload) => void client.notify('analysis.status', payload)),
  ];

  options.health.add('media-link', async () =>
    client.isConnected
      ? { status: 'ok', message: `connected to ${options.url} (${seam.tapCount} live taps)` }
      : { status: 'down', message: `not connected to ${options.url}: ${client.problem}` },
  );

  return {
    seam,
    start(control, analysisControl) {
      captions = control;
      analysis = analysisControl;
      client.start();
    },
    close() {
      for (const off of unsubscribe) off();
      client.close();
    },
  };
}
