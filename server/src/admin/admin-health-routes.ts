import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FiguresSchema,
  FiringAlertsSchema,
  HealthProbeRequestSchema,
  HealthSweepSchema,
  MonitoringSourceQuerySchema,
  envelopeOf,
  fetchFigures,
  fetchFiringAlerts,
  probeTargets,
  type HealthTargetName,
} from '@meetai/shared';
import { envelope, responses } from '../http/envelope';
import { serverTargets } from './server-targets';

export type AdminHealthOptions = { port: number; overrides: Partial<Record<HealthTargetName, string>> };

/**
 * The whole system's health as the gateway sees it, for the browser build
 * (the desktop app runs the same shared probes in its main process). Probing
 * addresses an admin typed is what admin mode is for; the answers are read
 * into statuses and sentences, never passed on raw.
 */
export const adminHealthRoutes: FastifyPluginAsyncZod<AdminHealthOptions> = async (app, options) => {
  const targets = () => serverTargets(app.server.address(), options.port, options.overrides);
  const urlOf = (name: HealthTargetName) => targets().find((t) => t.name === name)?.url ?? '';

  app.get(
    '/admin/health',
    { schema: { response: responses({ 200: envelopeOf(HealthSweepSchema) }) } },
    async (request) => envelope(request, await probeTargets({ targets: targets() })),
  );

  app.post(
    '/admin/health',
    { schema: { body: HealthProbeRequestSchema, response: responses({ 200: envelopeOf(HealthSweepSchema) }) } },
    async (request) => envelope(request, await probeTargets(request.body)),
  );

  app.get(
    '/admin/monitoring/figures',
    { schema: { querystring: MonitoringSourceQuerySchema, response: responses({ 200: envelopeOf(FiguresSchema) }) } },
    async (request) => envelope(request, await fetchFigures(request.query.url ?? urlOf('prometheus'))),
  );

  app.get(
    '/admin/monitoring/alerts',
    {
      schema: {
        querystring: MonitoringSourceQuerySchema,
        response: responses({ 200: envelopeOf(FiringAlertsSchema) }),
      },
    },
    async (request) => envelope(request, await fetchFiringAlerts(request.query.url ?? urlOf('alertmanager'))),
  );
};
