import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { WEB_JOIN_PATH, normalizeMeetingCode } from '@meetai/shared';
import type { HealthRegistry } from '../observability/health-registry';
import type { PageFallback } from '../http/not-found';
import { notBuiltPage } from './not-built-page';

/**
 * Serves the renderer's web build at `/`. Paths without a file extension that
 * match no file (`/meetings`) get index.html, because the
 * React router reads the path at boot. Returns the not-found fallback that does this.
 */
export async function installWebClient(
  app: FastifyInstance,
  webDir: string,
  health: HealthRegistry,
): Promise<PageFallback> {
  const indexFile = path.join(webDir, 'index.html');
  health.add('web', async () =>
    existsSync(indexFile)
      ? { status: 'ok' }
      : {
          status: 'degraded',
          message: `The web client is not built (no ${indexFile}): run npm run build -w @meetai/renderer`,
        },
  );

  // Invite links are `/j/<code>`; the client routes by hash (as it does in the
  // desktop app, where it is served from app://meetai), and relative asset URLs would not resolve under `/j/`.
  app.get(`${WEB_JOIN_PATH}/:code`, async (request, reply) => {
    const { code } = request.params as { code: string };
    const canonical = normalizeMeetingCode(code) ?? code;
    return reply.redirect(`/#/join/${encodeURIComponent(canonical)}`, 302);
  });

  if (!existsSync(indexFile)) {
    return async (request, reply) => {
      reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuiltPage(webDir));
      return true;
    };
  }

  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: true,
    index: 'index.html',
    cacheControl: false,
    setHeaders: (res, filePath) => {
      // Vite names built assets by content hash, so they never change; index.html must always be rechecked.
      const isHashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return async (request, reply) => {
    const lastSegment = request.url.split('?')[0]?.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return false;
    await reply.type('text/html; charset=utf-8').sendFile('index.html');
    return true;
  };
}
