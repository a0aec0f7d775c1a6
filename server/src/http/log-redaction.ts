import type { FastifyRequest } from 'fastify';

/** Query parameters whose values are secrets: a signaling ticket opens a socket in someone's name. */
const SECRET_PARAMS = ['ticket'];

/** The URL with secret query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return url;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  let isRedacted = false;
  for (const name of SECRET_PARAMS) {
    if (params.has(name)) {
      params.set(name, '[redacted]');
      isRedacted = true;
    }
  }
  return isRedacted ? `${url.slice(0, queryAt)}?${params.toString().replaceAll('%5Bredacted%5D', '[redacted]')}` : url;
}

/** Fastify's request log fields, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
