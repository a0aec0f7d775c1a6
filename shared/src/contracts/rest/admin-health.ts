import { z } from 'zod';

/**
 * What admin mode probes: the gateway, each service (a module of the gateway's
 * process, or its own port when split), the AI worker, the server's trace and
 * log export, and the monitoring stack on its ports.
 */
export const HealthTargetNameSchema = z.enum([
  'gateway',
  'user',
  'meeting',
  'signaling',
  'media',
  'ai',
  'ai-worker',
  'traces',
  'logs',
  'jaeger',
  'prometheus',
  'alertmanager',
  'grafana',
  'loki',
]);
export type HealthTargetName = z.infer<typeof HealthTargetNameSchema>;

/** `unknown`: not probed (no address set). */
export const TargetStatusSchema = z.enum(['up', 'degraded', 'down', 'unknown']);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/** `core`: the system people use; `monitoring`: what watches it. Overall health counts the core only. */
export const TargetGroupSchema = z.enum(['core', 'monitoring']);
export type TargetGroup = z.infer<typeof TargetGroupSchema>;

/** A base address (`http://127.0.0.1:8802`); empty means "not set", probed as `unknown`. */
export const TargetUrlSchema = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
    .max(2048)
    .transform((url) => url.replace(/\/+$/, '')),
]);

export const HealthTargetSchema = z
  .object({
    name: HealthTargetNameSchema,
    url: TargetUrlSchema,
  })
  .strict();
export type HealthTarget = z.infer<typeof HealthTargetSchema>;

export const PROBE_TIMEOUT_MS = { default: 2000, min: 100, max: 30_000 } as const;

/** `POST /api/v1/admin/health` and the desktop bridge's `health:probe`: probe these addresses. */
export const HealthProbeRequestSchema = z
  .object({
    targets: z.array(HealthTargetSchema).min(1).max(HealthTargetNameSchema.options.length),
    timeout_ms: z.number().int().min(PROBE_TIMEOUT_MS.min).max(PROBE_TIMEOUT_MS.max).optional(),
  })
  .strict()
  .refine((body) => new Set(body.targets.map((t) => t.name)).size === body.targets.length, 'Name each target once');
export type HealthProbeRequest = z.infer<typeof HealthProbeRequestSchema>;

export const ProbeResultSchema = z.object({
  name: HealthTargetNameSchema,
  group: TargetGroupSchema,
  /** The address probed (the base plus the path), or the base when nothing was probed. */
  url: z.string(),
  status: TargetStatusSchema,
  /** The last HTTP status seen; null when nothing answered. */
  http_status: z.number().int().nullable(),
  latency_ms: z.number().nonnegative().nullable(),
  checked_at: z.string(),
  /** Why it is not up, in words ("connection refused on 127.0.0.1:8804"); a detail when up. */
  message: z.string().nullable(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const HealthSweepSchema = z.object({
  /** The core's health: down when the gateway is, degraded when any other core target is not up. */
  status: z.enum(['up', 'degraded', 'down']),
  monitoring_status: z.enum(['up', 'degraded', 'down', 'unknown']),
  checked_at: z.string(),
  /** The whole sweep: about the slowest target, since they run in parallel. */
  duration_ms: z.number().nonnegative(),
  timeout_ms: z.number().int().positive(),
  targets: z.array(ProbeResultSchema),
});
export type HealthSweep = z.infer<typeof HealthSweepSchema>;
