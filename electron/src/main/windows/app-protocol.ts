import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { createLogger } from '../logger';
import { contentSecurityPolicy } from './csp';
import { APP_HOST, APP_SCHEME } from './renderer-source';

const log = createLogger('app-protocol');

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and
 * relative URL resolution, `secure` makes it a secure context (getUserMedia
 * needs one), `supportFetchAPI` lets the page fetch its own assets, `stream`
 * lets media elements read from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** The file under rootDir for an app:// URL, or null when the URL names anything else. */
export function resolveAppFile(url: string, rootDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  // Decoding can reintroduce `..` or a second root; never serve outside the renderer build.
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Serves the bundled renderer on app://meetai/. Each response carries the CSP
 * header here, because webRequest header hooks do not run for custom schemes.
 */
export function serveRendererFiles(rootDir: string): void {
  const csp = contentSecurityPolicy({ isDev: false });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rootDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const fileResponse = await net.fetch(pathToFileURL(file).href);
      const headers = new Headers(fileResponse.headers);
      headers.set('Content-Security-Policy', csp);
      return new Response(fileResponse.body, { status: fileResponse.status, headers });
    } catch (error) {
      log.warn(`serveRendererFiles() | cannot read ${request.url}`, error);
      return new Response('Not found', { status: 404 });
    }
  });
}
