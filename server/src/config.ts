import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  DEFAULT_GATEWAY_PORT,
  HealthTargetNameSchema,
  PasswordSchema,
  SERVICE_PORTS,
  TargetUrlSchema,
  UsernameSchema,
  describeIssues,
  type HealthTargetName,
} from '@meetai/shared';
import { loadAiSettings, type AiSettings } from './ai/ai-settings';
import { defaultMediaSettings, type MediaSettings } from './media/media-settings';
import { loadMediaLinkSettings, type MediaLinkSettings } from './media-link/link-settings';
import type { Rate } from './http/source-limit';
import { DEFAULT_SIGNALING_SETTINGS, type SignalingSettings } from './signaling/signaling-settings';

/** The repository root, so default paths work whatever directory the server is started from. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Modules `SERVICES` can mount. Later modules (signaling, media, ai) add their names here. */
export const SERVICE_NAMES = ['auth', 'meetings', 'signaling', 'ai', 'web'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The seed's port for a module started alone (`SERVICES=auth` listens on 8080 unless PORT says otherwise). */
const SEED_PORTS: Partial<Record<ServiceName, number>> = {
  auth: SERVICE_PORTS.user,
  meetings: SERVICE_PORTS.meeting,
  signaling: SERVICE_PORTS.signaling,
  ai: SERVICE_PORTS.ai,
};

const DURATION_UNITS_S = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `900`, `90s`, `15m`, `12h` or `30d`, in seconds; `0` allowed. */
const DurationOrZeroSchema = z
  .string()
  .trim()
  .regex(/^\d+[smhd]?$/, 'Use a number of seconds or a number followed by s, m, h or d (e.g. 15m)')
  .transform((text) => {
    const unit = text.at(-1) as string;
    const scale = unit in DURATION_UNITS_S ? DURATION_UNITS_S[unit as keyof typeof DURATION_UNITS_S] : 1;
    return Number.parseInt(text, 10) * scale;
  });

const DurationSchema = DurationOrZeroSchema.pipe(z.number().int().positive('Must be longer than zero'));

const PortSchema = z.coerce.number().int().min(0).max(65_535);
const PositiveIntSchema = z.coerce.number().int().positive();

/** `30/1h`: at most 30 requests per hour (the duration as in DurationSchema). */
const RateSchema = z
  .string()
  .trim()
  .regex(/^\d+\/\d+[smhd]?$/, 'Use requests/duration, e.g. 30/1h or 60/1m')
  .transform((text) => {
    const [max, window] = text.split('/') as [string, string];
    return { max: Number.parseInt(max, 10), windowS: DurationSchema.parse(window) };
  })
  .pipe(z.object({ max: z.number().int().positive('Allow at least one request'), windowS: z.number() }));

/** `prometheus=http://10.0.0.5:9090,grafana=` (empty: not probed): the addresses admin mode probes by default. */
const HealthTargetsSchema = z
  .string()
  .trim()
  .transform((text) =>
    text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at < 0 ? pair.length : at).trim(), at < 0 ? undefined : pair.slice(at + 1).trim()];
      }),
  )
  .pipe(z.array(z.tuple([HealthTargetNameSchema, TargetUrlSchema])))
  .transform((pairs) => Object.fromEntries(pairs) as Partial<Record<HealthTargetName, string>>);

const ServicesSchema = z
  .string()
  .trim()
  .transform((text) => (text === '' || text === 'all' ? [...SERVICE_NAMES] : text.split(',').map((s) => s.trim())))
  .pipe(z.array(z.enum(SERVICE_NAMES)).min(1));

const EnvSchema = z.object({
  PORT: PortSchema.optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  JWT_SECRET: z.string().min(32, 'Use at least 32 characters').optional(),
  ACCESS_TOKEN_TTL: DurationSchema.default(15 * 60),
  REFRESH_TOKEN_TTL: DurationSchema.default(30 * 86_400),
  REFRESH_REUSE_GRACE: DurationOrZeroSchema.default(20),
  ADMIN_USERNAME: UsernameSchema.optional(),
  ADMIN_PASSWORD: PasswordSchema.optional(),
  ADMIN_EMAIL: z.email().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIR: z.string().min(1).optional(),
  SERVICES: ServicesSchema.default([...SERVICE_NAMES]),
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((text): boolean | string => (text === 'true' ? true : text === 'false' ? false : text))
    .default(false),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: PositiveIntSchema.default(5),
  LOGIN_MAX_FAILURES_PER_IP: PositiveIntSchema.default(30),
  PASSCODE_MAX_FAILURES: PositiveIntSchema.default(10),
  CODE_LOOKUP_MAX_FAILURES: PositiveIntSchema.default(20),
  FAILURE_WINDOW: DurationSchema.default(15 * 60),
  MAX_LOCKOUT: DurationSchema.default(86_400),
  RATE_LIMIT_REGISTER: RateSchema.default({ max: 30, windowS: 3600 }),
  RATE_LIMIT_REFRESH: RateSchema.default({ max: 60, windowS: 60 }),
  RATE_LIMIT_TICKET: RateSchema.default({ max: 60, windowS: 60 }),
  MEDIASOUP_WORKERS: PositiveIntSchema.optional(),
  MEDIASOUP_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
  MEDIASOUP_TAP_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
  MEDIASOUP_ANNOUNCED_IP: z.string().trim().min(1).optional(),
  MEDIASOUP_RTC_MIN_PORT: PortSchema.pipe(z.number().min(1)).optional(),
  MEDIASOUP_RTC_MAX_PORT: PortSchema.pipe(z.number().min(1)).optional(),
  MEDIASOUP_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).optional(),
  SIGNALING_MAX_MESSAGE_BYTES: PositiveIntSchema.optional(),
  SIGNALING_RECONNECT_GRACE_MS: z.coerce.number().int().min(0).optional(),
  SIGNALING_HEARTBEAT_MS: PositiveIntSchema.optional(),
  MEETING_MAX_PEERS: PositiveIntSchema.optional(),
  SIGNALING_MAX_SOCKETS_PER_USER: PositiveIntSchema.optional(),
  SIGNALING_MAX_PRODUCERS_PER_PEER: PositiveIntSchema.optional(),
  CHAT_RATE_LIMIT: RateSchema.optional(),
  CHAT_HISTORY_MAX: PositiveIntSchema.optional(),
  CHAT_RETENTION: DurationSchema.optional(),
  METRICS_TOKEN: z.string().min(16, 'Use at least 16 characters').optional(),
  HEALTH_TARGETS: HealthTargetsSchema.optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(100).optional(),
  LOKI_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEDIASOUP_MAX_INCOMING_BITRATE: z.coerce.number().int().min(100_000, 'At least 100000 bits per second').optional(),
  CORS_ORIGINS: z
    .string()
    .trim()
    .transform((text) =>
      text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i, 'Each origin is scheme://host[:port]')))
    .optional(),
});

/** The desktop app's pages (`app://meetai`) and Vite's dev server are other origins than the gateway. */
const DEFAULT_CORS_ORIGINS = ['app://meetai', 'http://localhost:5173'];

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** Undefined: generated once and kept in `dataDir` (see auth/jwt-secret.ts). */
  jwtSecret: string | undefined;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  /** How long a just-replaced refresh token still leads to its replacement (see AuthService.refresh); 0: never. */
  refreshReuseGraceS: number;
  admin: { username: string; password: string; email: string } | null;
  logLevel: string;
  webDir: string;
  /** Fastify's trustProxy: true or comma-separated addresses/CIDRs; set it behind nginx so rate limits see client IPs. */
  trustProxy: boolean | string;
  services: ServiceName[];
  /** Failed attempts before a lockout (see http/attempt-limiter.ts); each key is per client address too. */
  attemptLimits: AttemptLimits;
  /** Requests per client address to routes that are cheap to call and costly or useful to abuse. */
  rateLimits: { register: Rate; refresh: Rate; ticket: Rate };
  media: MediaSettings;
  signaling: SignalingSettings;
  ai: AiSettings;
  /** The media link between an SFU and an AI service running apart (INTERNAL_TOKEN, AI_MEDIA_URL, AI_TAP_HOST). */
  link: MediaLinkSettings;
  /** Origins other than the gateway's own that may call the API from a browser context. */
  corsOrigins: string[];
  /** Bearer token Prometheus sends for /metrics; unset: only loopback may scrape. */
  metricsToken: string | undefined;
  /** Addresses admin mode probes instead of the seed's map (HEALTH_TARGETS). */
  healthTargets: Partial<Record<HealthTargetName, string>>;
  /** Trace export (OTLP over HTTP, e.g. to Jaeger) and log shipping to Loki: each off while unset. */
  telemetry: { otlpEndpoint: string | undefined; serviceName: string; lokiUrl: string | undefined };
};

export type AttemptLimits = {
  /** Wrong passwords for one account from one address (sign-in, and old-password guesses at change-password). */
  loginPerAccount: number;
  /** Wrong passwords from one address, whatever the account. */
  loginPerIp: number;
  /** Wrong passcodes for one meeting from one address. */
  passcodePerMeeting: number;
  /** Unknown meeting codes looked up from one address. */
  codeLookups: number;
  windowS: number;
  maxLockoutS: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function defaultPort(services: ServiceName[]): number {
  const only = services.length === 1 ? services[0] : undefined;
  return (only && SEED_PORTS[only]) ?? DEFAULT_GATEWAY_PORT;
}

/** Reads the environment once at boot; a bad value stops the server with a sentence naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as shells and compose files often leave them that way.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(`Invalid environment: ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  if (Boolean(e.ADMIN_USERNAME) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid environment: set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither');
  }
  const media = mediaSettings(e);
  if (media.rtcMinPort > media.rtcMaxPort) {
    throw new ConfigError('Invalid environment: MEDIASOUP_RTC_MIN_PORT must not be above MEDIASOUP_RTC_MAX_PORT');
  }
  const services = [...new Set(e.SERVICES)];
  const port = e.PORT ?? defaultPort(services);
  return {
    port,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : path.join(REPO_ROOT, '.data'),
    jwtSecret: e.JWT_SECRET,
    accessTokenTtlS: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlS: e.REFRESH_TOKEN_TTL,
    refreshReuseGraceS: e.REFRESH_REUSE_GRACE,
    admin:
      e.ADMIN_USERNAME && e.ADMIN_PASSWORD
        ? {
            username: e.ADMIN_USERNAME,
            password: e.ADMIN_PASSWORD,
            email: e.ADMIN_EMAIL ?? `${e.ADMIN_USERNAME.toLowerCase()}@meetai.local`,
          }
        : null,
    logLevel: e.LOG_LEVEL,
    webDir: e.WEB_DIR ? path.resolve(e.WEB_DIR) : path.join(REPO_ROOT, 'renderer/dist'),
    trustProxy: e.TRUST_PROXY,
    services,
    attemptLimits: {
      loginPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      passcodePerMeeting: e.PASSCODE_MAX_FAILURES,
      codeLookups: e.CODE_LOOKUP_MAX_FAILURES,
      windowS: e.FAILURE_WINDOW,
      maxLockoutS: Math.max(e.MAX_LOCKOUT, e.FAILURE_WINDOW),
    },
    rateLimits: { register: e.RATE_LIMIT_REGISTER, refresh: e.RATE_LIMIT_REFRESH, ticket: e.RATE_LIMIT_TICKET },
    media,
    signaling: {
      maxMessageBytes: e.SIGNALING_MAX_MESSAGE_BYTES ?? DEFAULT_SIGNALING_SETTINGS.maxMessageBytes,
      reconnectGraceMs: e.SIGNALING_RECONNECT_GRACE_MS ?? DEFAULT_SIGNALING_SETTINGS.reconnectGraceMs,
      heartbeatMs: e.SIGNALING_HEARTBEAT_MS ?? DEFAULT_SIGNALING_SETTINGS.heartbeatMs,
      limits: {
        peersPerMeeting: e.MEETING_MAX_PEERS ?? DEFAULT_SIGNALING_SETTINGS.limits.peersPerMeeting,
        socketsPerUser: e.SIGNALING_MAX_SOCKETS_PER_USER ?? DEFAULT_SIGNALING_SETTINGS.limits.socketsPerUser,
        producersPerPeer: e.SIGNALING_MAX_PRODUCERS_PER_PEER ?? DEFAULT_SIGNALING_SETTINGS.limits.producersPerPeer,
        chatMessages: e.CHAT_RATE_LIMIT ?? DEFAULT_SIGNALING_SETTINGS.limits.chatMessages,
      },
      chat: {
        keepPerMeeting: e.CHAT_HISTORY_MAX ?? DEFAULT_SIGNALING_SETTINGS.chat.keepPerMeeting,
        retentionS: e.CHAT_RETENTION ?? DEFAULT_SIGNALING_SETTINGS.chat.retentionS,
      },
    },
    ai: aiSettings(present),
    link: linkSettings(present, services),
    corsOrigins: e.CORS_ORIGINS ?? DEFAULT_CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN,
    healthTargets: e.HEALTH_TARGETS ?? {},
    telemetry: {
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, ''),
      serviceName: e.OTEL_SERVICE_NAME ?? `meetai-${services.length > 1 ? 'gateway' : services[0]}`,
      lokiUrl: e.LOKI_URL?.replace(/\/+$/, ''),
    },
  };
}

/** AI_* (the AI module and its engines read their own variables); errors keep the config's wording. */
function aiSettings(env: Record<string, string | undefined>): AiSettings {
  try {
    return loadAiSettings(env, REPO_ROOT);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** INTERNAL_TOKEN, AI_MEDIA_URL, AI_TAP_HOST (read by the media link's own module); errors keep the config's wording. */
function linkSettings(env: Record<string, string | undefined>, services: ServiceName[]): MediaLinkSettings {
  try {
    return loadMediaLinkSettings(env, services);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** MEDIASOUP_* over the machine's defaults (a worker per core, the first external IPv4 announced). */
function mediaSettings(e: z.infer<typeof EnvSchema>): MediaSettings {
  const defaults = defaultMediaSettings();
  return {
    workers: e.MEDIASOUP_WORKERS ?? defaults.workers,
    listenIp: e.MEDIASOUP_LISTEN_IP ?? defaults.listenIp,
    announcedIp: e.MEDIASOUP_ANNOUNCED_IP ?? defaults.announcedIp,
    rtcMinPort: e.MEDIASOUP_RTC_MIN_PORT ?? defaults.rtcMinPort,
    rtcMaxPort: e.MEDIASOUP_RTC_MAX_PORT ?? defaults.rtcMaxPort,
    logLevel: e.MEDIASOUP_LOG_LEVEL ?? defaults.logLevel,
    maxIncomingBitrate: e.MEDIASOUP_MAX_INCOMING_BITRATE ?? defaults.maxIncomingBitrate,
    tapListenIp: e.MEDIASOUP_TAP_LISTEN_IP ?? defaults.tapListenIp,
  };
}
