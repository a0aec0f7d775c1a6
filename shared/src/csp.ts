/**
 * The Content-Security-Policy of the app's pages, the same in the browser
 * build (the gateway's header) and the desktop app (main's header): scripts,
 * styles and frames only from the app itself; connect-src open to any
 * http(s)/ws(s) origin because the server address is a setting (and
 * signaling is a WebSocket); media and images from blob: (previews, remote
 * tracks). `frame-ancestors` only works in a header, never in a <meta>.
 * `allowInline` is for Vite's dev server, which injects inline scripts and styles.
 */
export function appContentSecurityPolicy(options: { allowInline: boolean }): string {
  const inline = options.allowInline ? " 'unsafe-inline'" : '';
  return [
    "default-src 'none'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' http: https: ws: wss:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
