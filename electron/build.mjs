// Bundles the main process and the preload with esbuild, then copies the
// renderer's Vite build beside them so the app finds it at dist/renderer both
// when run unpacked (`npx electron electron/dist/main.cjs`) and inside app.asar,
// and the tray icon to dist/icons.
//
// MEETAI_UPDATE_URL, when set for the build, is baked into main.cjs as the
// generic update feed; without it the built app never looks for updates.
import { build } from 'esbuild';
import console from 'node:console';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'dist');
const rendererBuild = path.resolve(here, '../renderer/dist');
const iconsDir = path.resolve(here, '../build/icons');
const isProduction = process.env.NODE_ENV !== 'development';

// Electron 45 ships Node 22 and Chromium 140.
const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  minify: isProduction,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': JSON.stringify(isProduction ? 'production' : 'development') },
};

async function exists(target) {
  return stat(target).then(
    () => true,
    () => false,
  );
}

/**
 * A sandboxed preload can require only `electron` (and a few built-ins), so
 * everything else must be inside the bundle: fail the build otherwise.
 */
function assertSelfContained(metafile, outfile, isAllowed = () => false) {
  const output = metafile.outputs[path.relative(process.cwd(), outfile)];
  const external = (output?.imports ?? []).filter(
    (entry) => entry.external && entry.path !== 'electron' && !isAllowed(entry),
  );
  if (!output || external.length) {
    throw new Error(`${outfile} must only require electron; also requires: ${external.map((e) => e.path).join(', ')}`);
  }
}

await rm(outDir, { recursive: true, force: true });

const mainFile = path.join(outDir, 'main.cjs');
const main = await build({
  ...common,
  entryPoints: [path.join(here, 'src/main/index.ts')],
  outfile: mainFile,
  platform: 'node',
  target: 'node22',
  define: { ...common.define, 'process.env.MEETAI_UPDATE_URL': JSON.stringify(process.env.MEETAI_UPDATE_URL ?? '') },
});
// The package has no runtime dependencies: everything but Electron and Node's own modules is in the bundle.
assertSelfContained(main.metafile, mainFile, (entry) => entry.path.startsWith('node:') || isBuiltin(entry.path));

const preloadFile = path.join(outDir, 'preload.cjs');
const preload = await build({
  ...common,
  entryPoints: [path.join(here, 'src/preload/index.ts')],
  outfile: preloadFile,
  platform: 'browser',
  target: 'chrome140',
});
assertSelfContained(preload.metafile, preloadFile);

// 32 px, and 64 px as the @2x variant that HiDPI trays pick up by name.
await mkdir(path.join(outDir, 'icons'));
await cp(path.join(iconsDir, '32x32.png'), path.join(outDir, 'icons', 'tray.png'));
await cp(path.join(iconsDir, '64x64.png'), path.join(outDir, 'icons', 'tray@2x.png'));

if (await exists(path.join(rendererBuild, 'index.html'))) {
  await cp(rendererBuild, path.join(outDir, 'renderer'), { recursive: true });
  console.log('desktop build: dist/main.cjs, dist/preload.cjs, dist/icons/, dist/renderer/ (from renderer/dist)');
} else {
  console.warn(
    'desktop build: dist/main.cjs and dist/preload.cjs built, but renderer/dist is missing; ' +
      'run `npm run build -w @meetai/renderer` first or the app will refuse to start.',
  );
}
