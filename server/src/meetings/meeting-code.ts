import { randomInt } from 'node:crypto';

/** A random 9-digit code, `123-456-789` (leading zeros allowed: it is read aloud, not counted). */
export function randomMeetingCode(): string {
  const digits = String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** Random ids below 2^47: unguessable enough that an id cannot be used to find meetings, and safe as JS numbers. */
export function randomMeetingId(): number {
  return randomInt(1, 2 ** 47);
}
