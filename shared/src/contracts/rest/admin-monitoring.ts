import { z } from 'zod';
import { TargetUrlSchema } from './admin-health';

/** The figures admin mode charts from Prometheus (queries in `health/prometheus-figures.ts`). */
export const FigureIdSchema = z.enum([
  'meetings',
  'participants',
  'streams',
  'caption_latency_p50',
  'caption_latency_p95',
  'error_rate',
  'ai_queue',
  'worker_cpu',
]);
export type FigureId = z.infer<typeof FigureIdSchema>;

export const FigureSchema = z.object({
  id: FigureIdSchema,
  unit: z.enum(['count', 'seconds', 'ratio']),
  /** The latest value; null when Prometheus has no sample (nothing scraped yet, or no traffic for a rate). */
  value: z.number().nullable(),
  /** `[unix seconds, value]` over the range, oldest first. */
  points: z.array(z.tuple([z.number(), z.number()])),
});
export type Figure = z.infer<typeof FigureSchema>;

/** `up`: the source answered; `down`: it did not, with the reason in `message`. */
const SourceStatusSchema = z.enum(['up', 'down']);

export const FiguresSchema = z.object({
  source_url: z.string(),
  status: SourceStatusSchema,
  message: z.string().nullable(),
  checked_at: z.string(),
  range_s: z.number().int().positive(),
  step_s: z.number().int().positive(),
  figures: z.array(FigureSchema),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const FiringAlertSchema = z.object({
  fingerprint: z.string(),
  name: z.string(),
  severity: z.string().nullable(),
  summary: z.string().nullable(),
  state: z.string(),
  starts_at: z.string(),
  labels: z.record(z.string(), z.string()),
});
export type FiringAlert = z.infer<typeof FiringAlertSchema>;

export const FiringAlertsSchema = z.object({
  source_url: z.string(),
  status: SourceStatusSchema,
  message: z.string().nullable(),
  checked_at: z.string(),
  alerts: z.array(FiringAlertSchema),
});
export type FiringAlerts = z.infer<typeof FiringAlertsSchema>;

/** `?url=`: ask another Prometheus or Alertmanager than the server's configured one (admin mode's settings). */
export const MonitoringSourceQuerySchema = z.object({ url: TargetUrlSchema.optional() }).strict();
export type MonitoringSourceQuery = z.infer<typeof MonitoringSourceQuerySchema>;
