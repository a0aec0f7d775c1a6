import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { MEDIA_LINK_PATH, MediaLinkCloseCodes } from '@meetai/shared/contracts/internal/media-link';
import type { AppEventBus } from '../events/app-events';
import type { MediaLayer } from '../media/media-layer';
import type { HealthRegistry } from '../observability/health-registry';
import { AiLinkSession } from './AiLinkSession';
import { DEFAULT_LINK_TIMING, type LinkTiming } from './LinkChannel';
import { bearerToken, isInternalToken } from './link-token';
import type { AnalysisControl, CaptionsControl } from '../signaling/handlers/types';
import { RemoteAnalysis } from './RemoteAnalysis';
import { RemoteCaptions } from './RemoteCaptions';

export type MediaLinkRouteOptions = {
  /** INTERNAL_TOKEN; unset, every connection is refused with a sentence saying so. */
  token: string | undefined;
  media: MediaLayer;
  events: AppEventBus;
  /** Set when `token` is: signaling's captions, served by whichever AI service is connected. */
  captions: RemoteCaptions | undefined;
  health: HealthRegistry;
  timing?: LinkTiming;
};

/**
 * `GET /internal/media-link` (WebSocket, `Authorization: Bearer <INTERNAL_TOKEN>`):
 * where an AI service running on its own connects to this process's SFU. The
 * upgrade is always accepted so a refusal can carry a close code and a
 * sentence. One AI service at a time: a newer connection replaces the older
 * (a restarted AI service must not wait for its dead socket's heartbeat).
 */
export const mediaLinkRoute: FastifyPluginAsync<MediaLinkRouteOptions> = async (app, options) => {
  const { token, media, events, captions } = options;
  const log = app.log.child({ module: 'media-link' });
  let current: AiLinkSession | undefined;

  app.get(MEDIA_LINK_PATH, { websocket: true }, (socket, request) => {
    if (!token || !captions) {
      log.warn({ ip: request.ip }, 'refused an AI service: INTERNAL_TOKEN is not set here');
      socket.close(
        MediaLinkCloseCodes.NOT_CONFIGURED,
        'This media service has no INTERNAL_TOKEN; set the same one here and on the AI service.',
      );
      return;
    }
    if (!isInternalToken(bearerToken(request.headers.authorization), token)) {
      log.warn({ ip: request.ip }, 'refused an AI service: wrong or missing internal token');
      socket.close(MediaLinkCloseCodes.UNAUTHORIZED, 'The internal token is missing or wrong (INTERNAL_TOKEN).');
      return;
    }
    current?.channel.close(MediaLinkCloseCodes.REPLACED, 'Another AI service connected to this media service.');
    const session = new AiLinkSession(socket, {
      seam: media.audio,
      events,
      timing: options.timing ?? DEFAULT_LINK_TIMING,
      log: log.child({ aiAddress: request.ip }),
    });
    current = session;
    log.info({ ip: request.ip }, 'an AI service connected');
    void session.channel.closed.then(({ code, reason }) => {
      if (current === session) current = undefined;
      log.info({ ip: request.ip, code, reason }, 'an AI service disconnected');
    });
    void captions.attach(session);
  });

  if (captions) {
    options.health.add('ai-link', async () =>
      current
        ? { status: 'ok', message: `an AI service is connected (${current.tapCount} live taps)` }
        : { status: 'degraded', message: 'no AI service is connected: captions are unavailable' },
    );
  }

  app.addHook('onClose', async () => {
    current?.channel.close(MediaLinkCloseCodes.GOING_AWAY, 'The media service is shutting down.');
    captions?.close();
  });
};

/**
 * The media service's side of a split deployment, for a process that runs the
 * SFU but not the AI module: mounts the link and returns signaling's captions
 * and analysis, served by the AI service that connects (none without INTERNAL_TOKEN).
 */
export async function serveMediaLink(
  app: FastifyInstance,
  options: Omit<MediaLinkRouteOptions, 'captions'>,
): Promise<{ captions: CaptionsControl; analysis: AnalysisControl } | undefined> {
  const { media, events, token } = options;
  const captions = token
    ? new RemoteCaptions({ rooms: media.rooms, events, log: app.log.child({ module: 'media-link' }) })
    : undefined;
  await app.register(mediaLinkRoute, { ...options, captions });
  return captions ? { captions, analysis: new RemoteAnalysis(captions) } : undefined;
}
