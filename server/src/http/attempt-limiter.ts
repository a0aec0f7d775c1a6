import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

export type AttemptLimiter = {
  /** Throws 429 RATE_LIMITED (with Retry-After) once `max` failures were recorded in the window. */
  assertAllowed(request: FastifyRequest): Promise<void>;
  recordFailure(request: FastifyRequest): Promise<void>;
};

/**
 * Counts failed attempts (wrong password, wrong passcode) per key with
 * @fastify/rate-limit's store. Only failures count, so people who get it right
 * are never slowed down, and a burst of good sign-ins (a benchmark, a class
 * joining at once) is not refused.
 */
export function createAttemptLimiter(
  app: FastifyInstance,
  options: { max: number; windowS: number; key: (request: FastifyRequest) => string; message: string },
): AttemptLimiter {
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.windowS * 1000,
    keyGenerator: options.key,
  });
  return {
    async assertAllowed(request) {
      const status = await check(request, { increment: false });
      if (status.isAllowed || status.remaining > 0) return;
      const retryAfterS = Math.max(1, status.ttlInSeconds);
      throw new AppError('RATE_LIMITED', 429, `${options.message} Try again in ${retryAfterS} seconds.`, {
        headers: { 'retry-after': String(retryAfterS) },
      });
    },
    async recordFailure(request) {
      await check(request);
    },
  };
}
