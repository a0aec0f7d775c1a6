import type { FastifyRequest } from 'fastify';
import type { AttemptLimits } from '../config';
import { sourceOf, type AttemptKey } from '../http/attempt-limiter';

export const PASSWORD_GUESSES_REFUSAL = 'Too many wrong passwords.';

/**
 * What a password guess is charged to: the account from this address (so a
 * stranger guessing elsewhere cannot lock the owner out), and the address
 * itself (so one address cannot try a few passwords on many accounts).
 * `account` is `AuthService.accountKey`, the same whichever name was typed.
 */
export function passwordGuessKeys(limits: AttemptLimits, request: FastifyRequest, account: string): AttemptKey[] {
  const source = sourceOf(request);
  return [
    { key: `password:${account}:${source}`, max: limits.loginPerAccount },
    { key: `password-source:${source}`, max: limits.loginPerIp },
  ];
}
