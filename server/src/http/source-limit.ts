import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sourceOf } from './attempt-limiter';
import { tooManyRequests } from './too-many-requests';

/** At most `max` requests per `windowS` seconds. */
export type Rate = { max: number; windowS: number };

/**
 * A preHandler that allows each client address `rate` requests to one route
 * (counted with @fastify/rate-limit's store, which counts before the handler
 * runs, so parallel requests cannot overshoot), then answers 429 with when to retry.
 */
export function perSourceLimit(
  app: FastifyInstance,
  name: string,
  rate: Rate,
  reason: string,
): (request: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({
    max: rate.max,
    timeWindow: rate.windowS * 1000,
    keyGenerator: (request) => `${name}:${sourceOf(request)}`,
  });
  return async (request) => {
    const status = await check(request);
    if (!status.isAllowed && status.isExceeded) throw tooManyRequests(reason, status.ttlInSeconds);
  };
}
