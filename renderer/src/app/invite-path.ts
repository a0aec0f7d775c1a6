import { WEB_JOIN_PATH, normalizeMeetingCode } from '@meetai/shared';

/**
 * The gateway serves this app at `/j/<code>` for web invite links. The router
 * works in the hash, so the path is turned into `#/join/<code>` on the app's
 * root path before the router starts; the guard then asks for sign-in first
 * when needed and comes back to the lobby afterwards.
 */
export function inviteRouteFromPath(pathname: string): string | null {
  const match = new RegExp(`^${WEB_JOIN_PATH}/([^/]+)/?$`).exec(pathname);
  const code = match?.[1] ? normalizeMeetingCode(decodeURIComponent(match[1])) : null;
  return code ? `/join/${code}` : null;
}

export function redirectInvitePath(location: Location, history: History): void {
  const route = inviteRouteFromPath(location.pathname);
  if (route) history.replaceState(null, '', `/#${route}`);
}
