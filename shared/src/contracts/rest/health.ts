import { z } from 'zod';

export const HealthStatusSchema = z.enum(['ok', 'degraded', 'down']);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

export const HealthCheckSchema = z.object({
  status: HealthStatusSchema,
  latency_ms: z.number().nonnegative().optional(),
  message: z.string().optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

/** `GET /health`: not wrapped in the envelope, so probes and load balancers read it directly. */
export const HealthReportSchema = z.object({
  status: HealthStatusSchema,
  service: z.string(),
  version: z.string(),
  uptime_s: z.number().nonnegative(),
  checks: z.record(z.string(), HealthCheckSchema),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;
