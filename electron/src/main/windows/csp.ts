import type { Session } from 'electron';
import { appContentSecurityPolicy } from '@meetai/shared';

/**
 * The app's pages' policy (shared/src/csp.ts), sent as a response header on top
 * of the renderer's <meta> tag (both apply; the stricter wins). The dev variant
 * admits the inline preamble and style tags Vite injects.
 */
export function contentSecurityPolicy(options: { isDev: boolean }): string {
  return appContentSecurityPolicy({ allowInline: options.isDev });
}

/** Replace any CSP the response carried (in any header-name casing) with ours. */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

/**
 * Sets the header on every response from the app's origin. Chromium does not
 * run the header hooks of webRequest for custom schemes, so the `app://`
 * protocol handler sets the same header itself; this hook covers the dev server
 * (and any http(s) origin the app might be served from).
 */
export function installCspHeader(session: Session, appOrigin: string, isDev: boolean): void {
  const csp = contentSecurityPolicy({ isDev });
  session.webRequest.onHeadersReceived({ urls: [`${appOrigin}/*`] }, (details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
