import type { FastifyInstance } from 'fastify';
import { appContentSecurityPolicy } from '@meetai/shared';

/** The web client's policy: the desktop app's production one (see shared/src/csp.ts). */
export const WEB_CLIENT_CSP = appContentSecurityPolicy({ allowInline: false });

/** JSON and other non-page answers render nothing and may not be framed. */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every response: no framing (clickjacking), no MIME sniffing, no
 * Referer leaving the app (invite codes live in URLs). Pages get the web
 * client's CSP; everything else a policy that allows nothing. HSTS is left to
 * whatever terminates TLS, since the server itself may run on plain http on a LAN.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    // A 304 has no content type, and a browser that revalidates its cached page takes the 304's
    // headers in place of the stored ones: a policy here would replace the page's and blank it.
    if (reply.statusCode === 304) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('content-security-policy', type.startsWith('text/html') ? WEB_CLIENT_CSP : NON_PAGE_CSP);
    return payload;
  });
}
