import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { METRICS_PATH } from '@meetai/shared';
import { AppError } from '../http/app-error';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `/metrics` is not public: with METRICS_TOKEN set it needs
 * `Authorization: Bearer <token>`; without, only a scraper on this machine
 * may read it (a loopback request that came through a proxy, which says so
 * in X-Forwarded-For, is someone else's and is refused).
 */
function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    // Compared as digests so the comparison takes the same time whatever the length.
    if (timingSafeEqual(digest(given), digest(token))) return;
    throw new AppError(
      'UNAUTHENTICATED',
      401,
      'Metrics need the scrape token: Authorization: Bearer <METRICS_TOKEN>.',
      {
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      },
    );
  }
  if (LOOPBACK.has(request.ip) && request.headers['x-forwarded-for'] === undefined) return;
  throw new AppError(
    'FORBIDDEN',
    403,
    'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.',
  );
}

/**
 * Prometheus metrics: Node's process metrics plus request count and latency
 * by method, route pattern (not raw URL, to bound cardinality) and status.
 * One registry per app, so several apps (tests) can live in one process.
 */
export function installMetrics(app: FastifyInstance, options: { token: string | undefined }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get(METRICS_PATH, async (request, reply) => {
    assertMayScrape(request, options.token);
    reply.header('content-type', registry.contentType).header('cache-control', 'no-store');
    return registry.metrics();
  });
  return registry;
}
