import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import type { Config } from '../config';
import { createAttemptLimiter } from '../http/attempt-limiter';

function accountOf(request: FastifyRequest): string {
  const { username } = request.body as { username?: unknown };
  return typeof username === 'string' ? username.trim().toLowerCase() : '';
}

/** Failed sign-ins are limited per account (guessing one password) and per IP (trying many accounts). */
export function createLoginLimiter(app: FastifyInstance, limits: Config['loginLimits']) {
  const message = 'Too many failed sign-in attempts.';
  const perAccount = createAttemptLimiter(app, {
    max: limits.perAccount,
    windowS: limits.windowS,
    key: (request) => `login-account:${accountOf(request)}`,
    message,
  });
  const perIp = createAttemptLimiter(app, {
    max: limits.perIp,
    windowS: limits.windowS,
    key: (request) => `login-ip:${normalizeIP(request.ip)}`,
    message,
  });
  return {
    async assertAllowed(request: FastifyRequest) {
      await perIp.assertAllowed(request);
      await perAccount.assertAllowed(request);
    },
    async recordFailure(request: FastifyRequest) {
      await Promise.all([perIp.recordFailure(request), perAccount.recordFailure(request)]);
    },
  };
}
