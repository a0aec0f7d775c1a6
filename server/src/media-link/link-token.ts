import { createHash, timingSafeEqual } from 'node:crypto';

/** The token in an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match?.[1];
}

/**
 * Whether `presented` is the shared INTERNAL_TOKEN. Compared in constant time:
 * both sides are hashed first, so neither the content nor the length of the
 * secret shows in how long a wrong guess takes.
 */
export function isInternalToken(presented: string | undefined, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const matches = timingSafeEqual(digest(presented ?? ''), digest(expected));
  return matches && presented !== undefined;
}
