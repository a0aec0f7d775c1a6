import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler';

/** Returns true when it answered the request (e.g. with the web client's index.html). */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

const MACHINE_PATHS = /^\/(api|ws|internal|health|metrics)(\/|$|\?)/;

/** Unknown API paths get a JSON 404; other GETs may be pages of the web client, which handles its own routes. */
export function installNotFoundHandler(app: FastifyInstance, pageFallback?: PageFallback): void {
  app.setNotFoundHandler(async (request, reply) => {
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !MACHINE_PATHS.test(request.url);
    if (isPageRequest && pageFallback && (await pageFallback(request, reply))) return reply;
    return sendError(request, reply, {
      code: 'NOT_FOUND',
      status: 404,
      message: `There is no ${request.method} ${request.url.split('?')[0]} here.`,
    });
  });
}
