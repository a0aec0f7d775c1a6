import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HEALTH_PATH, HealthReportSchema } from '@meetai/shared';
import type { HealthRegistry } from './health-registry';

export type HealthRoutesOptions = { registry: HealthRegistry; service: string; version: string };

/** `GET /health`: plain JSON (no envelope) for probes; HTTP 503 when down. */
export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, options) => {
  app.get(
    HEALTH_PATH,
    { schema: { response: { 200: HealthReportSchema, 503: HealthReportSchema } } },
    async (_request, reply) => {
      const { status, checks } = await options.registry.run();
      reply.header('cache-control', 'no-store');
      return reply.code(status === 'down' ? 503 : 200).send({
        status,
        service: options.service,
        version: options.version,
        uptime_s: Math.round(process.uptime()),
        checks,
      });
    },
  );
};
