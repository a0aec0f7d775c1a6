import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_PREFIX, MAX_JSON_BODY_BYTES } from '@meetai/shared';
import { installAuthentication } from './auth/authenticate';
import { ensureFirstAdmin } from './auth/first-admin';
import { authModule } from './auth/plugin';
import type { Config } from './config';
import type { AppEventBus } from './events/app-events';
import { installJsonParser } from './http/body-parsing';
import { installErrorHandler, sendError } from './http/error-handler';
import { serializeRequest } from './http/log-redaction';
import { installNotFoundHandler, type PageFallback } from './http/not-found';
import { REQUEST_ID_HEADER, generateRequestId } from './http/request-id';
import { installSecurityHeaders } from './http/security-headers';
import { adminModule } from './admin/plugin';
import { startAiModule } from './ai/ai-module';
import { aiModule } from './ai/plugin';
import { connectToMedia } from './media-link/connect-to-media';
import { serveMediaLink } from './media-link/media-link-route';
import { startMediaLayer, type MediaLayer } from './media/media-layer';
import { meetingsModule } from './meetings/plugin';
import { healthRoutes } from './observability/health-routes';
import { logDestination, lokiCheck } from './observability/log-shipping';
import { installMetrics } from './observability/metrics';
import { startTracing, traceHttp } from './observability/tracing';
import { signalingModule } from './signaling/plugin';
import { createServices, type AppServices } from './services';
import { openDatabase } from './storage/database';
import { SERVER_VERSION } from './version';
import { installWebClient } from './web/web-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** Meeting and participant events (see events/app-events.ts). */
    events: AppEventBus;
    /** The shared services, for modules registered after the core (signaling, media, admin). */
    services: AppServices;
    config: Config;
    /** The SFU when this process runs it (`signaling` mounted), else null: its rooms, its audio seam. */
    media: MediaLayer | null;
  }
}

export type App = FastifyInstance;

/**
 * Builds the whole app without listening: external plugins, then the app's
 * own plugins (errors, auth, metrics), then each mounted module's routes.
 * The database opens (and migrates) here and closes with the app.
 */
export async function buildApp(config: Config): Promise<App> {
  const app = Fastify({
    // Request logs without secrets: a signaling ticket in `?ticket=` opens a socket in someone's name.
    logger: {
      level: config.logLevel,
      serializers: { req: serializeRequest },
      stream: logDestination({ ...config.telemetry, level: config.logLevel }),
    },
    bodyLimit: MAX_JSON_BODY_BYTES,
    genReqId: generateRequestId,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    frameworkErrors: (error, request, reply) => {
      sendError(request, reply, { code: 'VALIDATION_FAILED', status: 400, message: 'The request URL is not valid.' });
      request.log.info({ err: error }, 'refused a malformed request');
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  installJsonParser(app);
  installErrorHandler(app);
  installSecurityHeaders(app);

  const database = await openDatabase(config.dataDir);
  app.addHook('onClose', async () => database.close());
  const services = createServices(config, database, app.log);
  await services.accounts.start();
  app.addHook('onClose', async () => services.accounts.stop());
  app.log.info({ file: database.location, applied: database.migrations.applied }, 'database ready');

  // External plugins.
  await app.register(cors, {
    origin: config.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  // Frames above the signaling limit get an error reply; this hard cap only stops absurd ones.
  await app.register(websocket, { options: { maxPayload: config.signaling.maxMessageBytes * 4 } });

  // App plugins: decorators every module may use.
  app.decorate('config', config);
  app.decorate('services', services);
  app.decorate('events', services.events);
  installAuthentication(app, services.tokens, services.accounts);
  const metrics = installMetrics(app, { token: config.metricsToken });
  const tracing = config.telemetry.otlpEndpoint
    ? startTracing({
        endpoint: config.telemetry.otlpEndpoint,
        serviceName: config.telemetry.serviceName,
        version: SERVER_VERSION,
      })
    : undefined;
  if (tracing) {
    traceHttp(app, tracing.tracer);
    services.health.add('traces', tracing.check);
    app.addHook('onClose', async () => tracing.close());
  }
  if (config.telemetry.lokiUrl) services.health.add('logs', lokiCheck(config.telemetry.lokiUrl));

  // Routes, one module at a time.
  const mounted = new Set(config.services);
  await app.register(healthRoutes, {
    registry: services.health,
    service: mounted.size > 1 ? 'gateway' : config.services.join(''),
    version: SERVER_VERSION,
  });
  if (mounted.has('auth')) {
    const { auth, profiles, health } = services;
    await app.register(authModule, {
      prefix: API_PREFIX,
      db: database.db,
      auth,
      profiles,
      health,
      attempts: services.attempts,
      attemptLimits: config.attemptLimits,
      rateLimits: config.rateLimits,
    });
    await ensureFirstAdmin(database.db, services.auth, config.admin, app.log);
    await app.register(adminModule, { prefix: API_PREFIX, services, config });
  }
  if (mounted.has('meetings')) {
    const { meetings, attendance, health } = services;
    await app.register(meetingsModule, {
      prefix: API_PREFIX,
      db: database.db,
      meetings,
      attendance,
      health,
      publicUrl: config.publicUrl,
      attempts: services.attempts,
      attemptLimits: config.attemptLimits,
    });
  }
  // The SFU first, then the AI module that listens to it, then signaling, which serves both to the room.
  const media = mounted.has('signaling')
    ? await startMediaLayer(config.media, { log: app.log, metrics, health: services.health })
    : undefined;
  if (media) app.addHook('onClose', async () => media.close());
  app.decorate('media', media ?? null);
  // An AI service on its own listens to the SFU of another process over the media link (src/media-link).
  const remoteMedia =
    mounted.has('ai') && !media && config.link.mediaUrl && config.link.token
      ? connectToMedia({
          url: config.link.mediaUrl,
          token: config.link.token,
          tapHost: config.link.tapHost,
          defaultLanguage: config.ai.defaultLanguage,
          events: services.events,
          health: services.health,
          log: app.log,
        })
      : undefined;
  const ai = mounted.has('ai')
    ? await startAiModule(config.ai, { services, seam: media?.audio ?? remoteMedia?.seam, metrics, log: app.log })
    : undefined;
  if (ai) {
    app.addHook('onClose', async () => {
      await ai.close();
      remoteMedia?.close();
    });
    await app.register(aiModule, { prefix: API_PREFIX, ai, db: database.db });
    remoteMedia?.start(ai.captions, ai.analysis);
    if (!media && !remoteMedia)
      app.log.warn('no SFU here and no AI_MEDIA_URL: live captions are off, /ai/* still answers');
  }
  if (media) {
    // Without the AI module here, an AI service of its own may serve the rooms' captions over the media link.
    const link = ai
      ? undefined
      : await serveMediaLink(app, {
          token: config.link.token,
          media,
          events: services.events,
          health: services.health,
        });
    const captions = ai ? (ai.captions ?? undefined) : link?.captions;
    await app.register(signalingModule, {
      services,
      metrics,
      tracer: tracing?.tracer,
      media,
      signaling: config.signaling,
      captions,
      // Emotion and voice analysis run where the AI module runs, or are asked over the media link.
      analysis: ai ? ai.analysis : link?.analysis,
    });
  }
  let pageFallback: PageFallback | undefined;
  if (mounted.has('web')) pageFallback = await installWebClient(app, config.webDir, services.health);
  installNotFoundHandler(app, pageFallback);

  return app;
}
