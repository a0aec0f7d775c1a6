import type { FastifyPluginAsync } from 'fastify';
import type { Tracer } from '@opentelemetry/api';
import type { Registry } from 'prom-client';
import { signalingSpans } from '../observability/tracing';
import type { MediaLayer } from '../media/media-layer';
import type { AppServices } from '../services';
import { AuditLog } from '../admin/audit-log';
import { adminRoute } from './admin-route';
import { ChatRepository } from './chat-repository';
import type { AnalysisControl, CaptionsControl, SignalingServices } from './handlers/types';
import { MeetingHubs } from './meeting-hubs';
import { SIGNALING_RATE, type SignalingSettings } from './signaling-settings';
import { observeAll, registerSignalingMetrics } from './signaling-metrics';
import { socketRoute } from './socket-route';
import { ticketRoute } from './ticket-route';
import { TicketStore } from './ticket-store';

/** What the room is told for each way a meeting ends. */
const END_REASONS = { ended: 'host-ended', deleted: 'ended', 'admin-ended': 'admin-ended' } as const;

export type SignalingModuleOptions = {
  services: AppServices;
  metrics: Registry;
  /** Set when trace export is on: a span per request. */
  tracer?: Tracer;
  captions?: CaptionsControl;
  analysis?: AnalysisControl;
  media: MediaLayer;
  signaling: SignalingSettings;
};

/**
 * Live meetings (seed port 8081): the mediasoup workers and rooms, the ticket
 * route and the `/ws/signaling` socket. Listens to the core's events so a
 * meeting ended or locked over REST reaches the sockets too.
 */
export const signalingModule: FastifyPluginAsync<SignalingModuleOptions> = async (app, options) => {
  const { services, media, signaling } = options;
  const log = app.log.child({ module: 'signaling' });

  const hubs = new MeetingHubs(media.rooms, {
    attendance: services.attendance,
    reconnectGraceMs: signaling.reconnectGraceMs,
    log,
  });
  const tickets = new TicketStore();
  const handlerServices: SignalingServices = {
    meetings: services.meetings,
    attendance: services.attendance,
    chat: new ChatRepository(services.database.db, signaling.chat),
    limits: signaling.limits,
    captions: options.captions,
    analysis: options.analysis,
    log,
    now: () => new Date().toISOString(),
    requests: observeAll(
      registerSignalingMetrics(options.metrics, hubs),
      options.tracer ? signalingSpans(options.tracer) : undefined,
    ),
  };

  const unsubscribe = [
    services.events.on('meeting.ended', ({ meetingId, reason, message }) =>
      hubs.end(meetingId, END_REASONS[reason], message),
    ),
    // A banned or deleted account: every socket of it ends now (`kicked`, close 4403), saying why.
    services.events.on('account.closed', async ({ userId, reason, kind }) => {
      const sentence =
        kind === 'banned'
          ? `An administrator suspended your account${reason ? `: ${reason}` : '.'}`
          : 'An administrator deleted your account.';
      for (const hub of hubs.all()) await hub.removeUser(userId, sentence);
    }),
    services.presence.attach(hubs),
    services.events.on('meeting.updated', ({ meetingId, isLocked }) => hubs.get(meetingId)?.setLocked(isLocked)),
    services.events.on('caption.produced', ({ meetingId, caption }) =>
      hubs.get(meetingId)?.broadcast('captionReceived', { caption }),
    ),
    services.events.on('captions.status', ({ meetingId, status }) =>
      hubs.get(meetingId)?.broadcast('captionsStatusChanged', { status }),
    ),
    services.events.on('emotion.speaker', ({ meetingId, emotion }) =>
      hubs.get(meetingId)?.broadcast('speakerEmotion', emotion),
    ),
    services.events.on('synthesis.alert', ({ meetingId, alert }) =>
      hubs.get(meetingId)?.broadcast('synthesisAlert', { alert }),
    ),
    services.events.on('analysis.status', ({ meetingId, status }) =>
      hubs.get(meetingId)?.broadcast('analysisStatusChanged', { status }),
    ),
    services.events.on('participant.left', async ({ meetingId, userId, reason }) => {
      if (reason === 'left') await hubs.get(meetingId)?.dropUser(userId);
    }),
  ];

  services.health.add('signaling', async () => ({
    status: 'ok',
    message: `${hubs.all().length} live rooms, ${hubs.peerCount} peers`,
  }));

  await app.register(ticketRoute, { tickets, hubs, meetings: services.meetings, attendance: services.attendance });
  await app.register(adminRoute, { hubs, audit: new AuditLog(services.database.db) });
  await app.register(socketRoute, {
    tickets,
    hubs,
    services: handlerServices,
    limits: { maxMessageBytes: signaling.maxMessageBytes, heartbeatMs: signaling.heartbeatMs, ...SIGNALING_RATE },
    log,
  });

  app.addHook('onClose', async () => {
    for (const off of unsubscribe) off();
    hubs.closeAll();
  });
};
