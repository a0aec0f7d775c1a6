import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** @electron/fuses finds the fuse wire after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Fuse wire version 1, 8 fuses, as Electron ships them: RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar
 * off, browser V8 snapshot off, file:// privileges on ('1' = on, '0' = off).
 */
const STOCK_FUSES = Buffer.concat([Buffer.from([1, 8]), Buffer.from('10110001', 'latin1')]);

/**
 * An unpacked "Electron" for Linux that electron-builder accepts as
 * `electronDist`, since the real one cannot be downloaded here: an executable
 * `electron` (a script that says what it is and exits 1) carrying a stock fuse
 * wire, so the builder's fuse step runs for real, plus the files a release has
 * beside it. It packs; it does not run an app.
 */
export async function makePlaceholderElectron(dir: string, version: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# Placeholder Electron ${version} for offline packaging checks. Fuses: `, 'latin1'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    STOCK_FUSES,
    Buffer.from('\necho "placeholder Electron: no runtime on this machine" >&2\nexit 1\n', 'latin1'),
  ]);
  await writeFile(path.join(dir, 'electron'), binary);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'chrome-sandbox'), '');
  await writeFile(path.join(dir, 'version'), `${version}\n`);
  await writeFile(path.join(dir, 'LICENSE'), 'Electron is MIT licensed (placeholder).\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>placeholder</title>\n');
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
