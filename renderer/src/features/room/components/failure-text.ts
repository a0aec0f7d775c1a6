import type { TFunction } from 'i18next';

/**
 * A failure code in words: the room's own sentences first, then the app's
 * shared error sentences (every server and HTTP code), then a generic one.
 */
export function failureText(t: TFunction, code: string): string {
  return t([`room:failure.codes.${code}`, `translation:errors.${code}`, 'room:failure.generic']);
}
