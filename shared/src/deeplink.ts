import { z } from 'zod';
import { APP_PROTOCOL, WEB_JOIN_PATH } from './constants';
import { MeetingCodeSchema, normalizeMeetingCode } from './contracts/rest/meetings';

/**
 * Deep links the app understands. Each route has a schema, a parser and a
 * builder; main parses raw URLs and only ever forwards the parsed route.
 */
export const DeepLinkSchema = z.discriminatedUnion('route', [
  z.object({ route: z.literal('join'), code: MeetingCodeSchema }),
]);
export type DeepLink = z.infer<typeof DeepLinkSchema>;

/** `meeting://join/123-456-789` */
export function buildAppJoinLink(code: string): string {
  return `${APP_PROTOCOL}://join/${code}`;
}

/** `http://host:8800/j/123-456-789` */
export function buildWebJoinLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${WEB_JOIN_PATH}/${code}`;
}

/**
 * Accepts an app link, a web invite link, or a bare meeting code as typed by
 * a person. Returns null for anything else.
 */
export function parseDeepLink(input: string): DeepLink | null {
  const text = input.trim();
  if (text.length > 2048) return null;
  const bare = normalizeMeetingCode(text);
  if (bare) return { route: 'join', code: bare };

  // A regex rather than URL: shared code runs where neither DOM nor Node types are assumed.
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(text);
  if (!match) return null;
  const [, scheme = '', host = '', path = ''] = match;
  const protocol = scheme.toLowerCase();
  let segments: string[];
  if (protocol === APP_PROTOCOL) {
    segments = [host, ...path.split('/')].filter(Boolean);
    if (segments[0] !== 'join') return null;
  } else if ((protocol === 'http' || protocol === 'https') && host) {
    segments = path.split('/').filter(Boolean);
    if (`/${segments[0]}` !== WEB_JOIN_PATH) return null;
  } else {
    return null;
  }
  if (segments.length !== 2) return null;
  const code = normalizeMeetingCode(decodeURIComponent(segments[1] ?? ''));
  return code ? { route: 'join', code } : null;
}
