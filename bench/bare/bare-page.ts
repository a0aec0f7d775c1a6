import { build } from 'esbuild';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare-client.ts');

/** bare-client.ts and mediasoup-client as one script. */
async function bareScript(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export type BarePageServer = { pageUrl: string; close(): Promise<void> };

/**
 * Serves the bare page from the bench itself on loopback (a page Playwright
 * made up would count as a public one, and Chromium blocks its socket to a
 * loopback server). The page exposes `bareJoin(wsUrl, { isSending })` and
 * `bareLeave()`; the signaling server accepts the socket by its ticket alone.
 */
export async function startBarePageServer(): Promise<BarePageServer> {
  const script = await bareScript();
  const page =
    '<!doctype html><meta charset="utf-8"><title>bare mediasoup-client</title><script src="bare.js"></script>';
  const server = createServer((request, response) => {
    const isScript = request.url === '/bare.js';
    response.writeHead(isScript || request.url === '/' ? 200 : 404, {
      'content-type': isScript ? 'text/javascript' : 'text/html',
    });
    response.end(isScript ? script : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    pageUrl: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
