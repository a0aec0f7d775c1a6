import path from 'node:path';

/**
 * The built renderer is served from `app://meetai/` rather than file://.
 * A privileged, standard custom scheme gives the pages a real, stable origin:
 * file:// pages share one opaque origin with every other local file, so origin
 * checks (IPC sender, permissions, navigation, CSP 'self') could not tell our
 * page from any HTML file on disk; with `app://meetai` they can, and
 * localStorage and IndexedDB are scoped to the app alone.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'meetai';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** `MEETAI_RENDERER_URL` points the window at a dev server (e.g. Vite) instead of the bundled build. */
export const RENDERER_URL_ENV = 'MEETAI_RENDERER_URL';

export type RendererSource =
  | { kind: 'bundled'; origin: string; entryUrl: string; rootDir: string }
  | { kind: 'dev-server'; origin: string; entryUrl: string };

/**
 * `scheme://host[:port]`, or null for text that is not a hierarchical URL.
 * Node reports the origin of non-special schemes such as `app:` as "null", so
 * it is rebuilt from the protocol and host instead.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

/**
 * Where the main window's pages come from: the dev server when asked, else the
 * build next to main.cjs. A packaged app ignores the variable: whatever page it
 * names would get the bridge, refresh token included, and the packaged binary's
 * fuses already refuse the other environment switches (ELECTRON_RUN_AS_NODE,
 * NODE_OPTIONS).
 */
export function resolveRendererSource(
  env: NodeJS.ProcessEnv,
  mainDir: string,
  options: { isPackaged: boolean } = { isPackaged: false },
): RendererSource {
  const devUrl = options.isPackaged ? undefined : env[RENDERER_URL_ENV];
  if (devUrl) {
    const origin = /^https?:\/\//i.test(devUrl) ? originOf(devUrl) : null;
    if (!origin) {
      throw new Error(`${RENDERER_URL_ENV} must be an http(s) URL such as http://localhost:5173, got "${devUrl}".`);
    }
    return { kind: 'dev-server', origin, entryUrl: new URL(devUrl).href };
  }
  return {
    kind: 'bundled',
    origin: APP_ORIGIN,
    entryUrl: `${APP_ORIGIN}/index.html`,
    // build.mjs copies renderer/dist here, so the path is the same unpacked and inside app.asar.
    rootDir: path.join(mainDir, 'renderer'),
  };
}
