import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlaceholderElectron } from '../test/placeholder-electron';
import {
  BUILDER_CONFIG,
  ELECTRON_DIR,
  loadAppPackage,
  loadBuilderConfig,
  type AppPackage,
  type BuilderConfig,
} from './builder-config';
import { makeDeb } from './debian-package';

const run = promisify(execFile);

/** How a fuse reads in the binary: ASCII '0' or '1' (@electron/fuses does not export its FuseState). */
const FUSE_OFF = '0'.charCodeAt(0);
const FUSE_ON = '1'.charCodeAt(0);

/**
 * The offline packaging checks. No Electron runtime can be downloaded here,
 * so electron-builder packs against a placeholder Electron (see
 * placeholder-electron.ts): everything but the Electron binary itself is the
 * real thing, i.e. this repository's bundles, config, fuses, asar, tar.gz and a
 * Debian package installed into a scratch root. The release workflow builds
 * the real installers on each OS.
 */
const ROOT = path.resolve(ELECTRON_DIR, '..');
const BUILDER = path.join(ROOT, 'node_modules', '.bin', 'electron-builder');
const ELECTRON_VERSION = '45.5.0';
const SEVEN_ZIP = '/usr/bin/7za';
const RENDERER_BUILD = path.join(ROOT, 'renderer', 'dist', 'index.html');
const has = (tool: string) => ['/usr/bin', '/bin'].some((dir) => existsSync(path.join(dir, tool)));
const hasDebianTools = has('dpkg-deb') && has('fakeroot') && has('dpkg');

function electronBuilder(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(BUILDER, args, {
    cwd: ELECTRON_DIR,
    env: { ...process.env, ...env, CI: 'true' },
    maxBuffer: 32 * 1024 * 1024,
  });
}

describe('packaging, offline, against a placeholder Electron', () => {
  let work: string;
  let outDir: string;
  let unpacked: string;
  let asarFile: string;
  let config: BuilderConfig;
  let app: AppPackage;
  let targets: string[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'meetai-pack-'));
    outDir = path.join(work, 'out');
    unpacked = path.join(outDir, 'linux-unpacked');
    asarFile = path.join(unpacked, 'resources', 'app.asar');
    config = await loadBuilderConfig();
    app = await loadAppPackage();
    // The real desktop build (esbuild), as `npm run build -w @meetai/desktop` makes it.
    await run(process.execPath, [path.join(ELECTRON_DIR, 'build.mjs')], { cwd: ELECTRON_DIR });
    const electronDist = await makePlaceholderElectron(path.join(work, 'electron-dist'), ELECTRON_VERSION);
    // tar.gz needs 7-Zip (Debian's p7zip-full); without it, the unpacked folder alone.
    targets = existsSync(SEVEN_ZIP) ? ['dir', 'tar.gz'] : ['dir'];
    await electronBuilder(
      [
        '--config',
        BUILDER_CONFIG,
        '--projectDir',
        '.',
        '--linux',
        ...targets,
        '--x64',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${ELECTRON_VERSION}`,
        `-c.directories.output=${outDir}`,
      ],
      { ELECTRON_BUILDER_7ZIP_PATH: SEVEN_ZIP },
    );
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('validates the config offline, and refuses one with a mistake in it', async () => {
    // The build above loaded and validated the whole file (every OS's section) before packing.
    expect(existsSync(asarFile)).toBe(true);
    const broken = path.join(work, 'broken.yml');
    const text = await readFile(BUILDER_CONFIG, 'utf8');
    await writeFile(broken, text.replace('executableName: meetai', 'executableName: meetai\n  iconz: ../build/icons'));
    const failure = await electronBuilder(['--config', broken, '--projectDir', '.', '--linux', 'dir']).then(
      () => null,
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
    expect(failure).toContain('Invalid configuration object');
  }, 120_000);

  it('packs app.asar with the entry files package.json names, and nothing from node_modules or the server', async () => {
    const files = listPackage(asarFile, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    const packed = JSON.parse(extractFile(asarFile, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packed.main).toBe(app.main);
    expect(files).toContain(`/${app.main}`);
    expect(files).toContain('/dist/preload.cjs');
    expect(files).toContain('/dist/icons/tray.png');
    // Nothing but the manifest and the bundles; no source maps, no dependencies.
    expect(files.filter((file) => file !== '/package.json' && file !== '/dist' && !file.startsWith('/dist/'))).toEqual(
      [],
    );
    expect(files.filter((file) => file.endsWith('.map') || file.includes('node_modules'))).toEqual([]);
    expect(packed).not.toHaveProperty('dependencies');
    expect(packed).not.toHaveProperty('devDependencies');

    const main = extractFile(asarFile, app.main.replace(/^\//, '')).toString('utf8');
    expect(main).toContain('preload.cjs');
    for (const serverOnly of ['mediasoup', 'better-sqlite3', 'argon2', 'fastify']) {
      expect(main, serverOnly).not.toMatch(new RegExp(`require\\(["']${serverOnly}`));
    }
    // The app's licence sits beside the executable; Electron's keeps its own name.
    expect(existsSync(path.join(unpacked, 'LICENSE'))).toBe(true);
    expect(existsSync(path.join(unpacked, config.linux.executableName))).toBe(true);
  });

  it('carries the renderer build, every file of it', async ({ skip }) => {
    if (!existsSync(RENDERER_BUILD)) skip('renderer/dist is not built (npm run build -w @meetai/renderer)');
    // Compared with the copy build.mjs made (renderer/dist itself may be rebuilt meanwhile by another run).
    const copied = path.join(ELECTRON_DIR, 'dist', 'renderer');
    const onDisk = (await readdir(copied, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => `/dist/renderer/${path.relative(copied, path.join(entry.parentPath, entry.name))}`);
    const files = listPackage(asarFile, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    expect(onDisk).toContain('/dist/renderer/index.html');
    expect(files.filter((file) => file.startsWith('/dist/renderer/') && !file.endsWith('/assets')).sort()).toEqual(
      onDisk.sort(),
    );
    const index = extractFile(asarFile, 'dist/renderer/index.html');
    expect(index.equals(await readFile(path.join(copied, 'index.html')))).toBe(true);
  });

  it('flips the fuses in the packed binary: no plain-Node modes, asar only and checked', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, config.linux.executableName));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
  });

  it('makes a tar.gz named with version and arch, holding the unpacked app', async ({ skip }) => {
    if (!targets.includes('tar.gz')) skip(`no 7-Zip at ${SEVEN_ZIP} (Debian: p7zip-full)`);
    const name = `${config.productName}-${app.version}-linux-x64`;
    const { stdout } = await run('tar', ['-tzf', path.join(outDir, `${name}.tar.gz`)]);
    expect(stdout.split('\n')).toEqual(
      expect.arrayContaining([`${name}/${config.linux.executableName}`, `${name}/resources/app.asar`]),
    );
  });

  describe('a .deb from the unpacked app', () => {
    let deb: string;
    let root: string;

    beforeAll(async () => {
      if (!hasDebianTools) return;
      deb = await makeDeb({ unpackedDir: unpacked, outDir: path.join(work, 'deb'), config, app, arch: 'amd64' });
      // Installed for real with dpkg, into a scratch root with its own package database.
      root = path.join(work, 'root');
      await mkdir(path.join(root, 'var/lib/dpkg/info'), { recursive: true });
      await mkdir(path.join(root, 'var/lib/dpkg/updates'), { recursive: true });
      await writeFile(path.join(root, 'var/lib/dpkg/status'), '');
      await run('dpkg', [
        `--root=${root}`,
        `--admindir=${path.join(root, 'var/lib/dpkg')}`,
        '--force-not-root',
        '--force-depends',
        '--force-script-chrootless',
        '-i',
        deb,
      ]);
    }, 120_000);

    it('describes the package from the same config', async ({ skip }) => {
      if (!hasDebianTools) skip('needs Debian tools: dpkg, dpkg-deb and fakeroot');
      const { stdout } = await run('dpkg-deb', ['-I', deb]);
      expect(stdout).toMatch(new RegExp(`^ Package: ${config.linux.executableName}$`, 'm'));
      expect(stdout).toMatch(new RegExp(`^ Version: ${app.version.replace(/\./g, '\\.')}$`, 'm'));
      expect(stdout).toMatch(/^ Architecture: amd64$/m);
      expect(stdout).toMatch(new RegExp(`^ Section: ${config.deb.packageCategory}$`, 'm'));
      const { stdout: contents } = await run('dpkg-deb', ['-c', deb]);
      expect(contents).toContain(`./usr/share/applications/${app.desktopName}`);
      expect(contents).toContain(`./usr/lib/${config.linux.executableName}/resources/app.asar`);
    });

    it('installs a desktop entry that opens meeting:// links, and the command it runs', async ({ skip }) => {
      if (!hasDebianTools) skip('needs Debian tools: dpkg, dpkg-deb and fakeroot');
      const { stdout: status } = await run('dpkg', [
        `--admindir=${path.join(root, 'var/lib/dpkg')}`,
        '-s',
        config.linux.executableName,
      ]);
      expect(status).toMatch(/^Status: install ok installed$/m);

      const applications = path.join(root, 'usr/share/applications');
      const entry = await readFile(path.join(applications, app.desktopName), 'utf8');
      const fields = Object.fromEntries(
        entry
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      expect(fields.MimeType?.split(';')).toContain('x-scheme-handler/meeting');
      expect(fields.Exec).toBe(`${config.linux.executableName} %U`);
      expect(fields['Name[zh_CN]']).toBe('MeetAI 会议');
      expect(`${fields.StartupWMClass}.desktop`).toBe(app.desktopName);

      // The command on the PATH is the packed app's executable.
      const bin = path.join(root, 'usr/bin', config.linux.executableName);
      expect(path.resolve(path.dirname(bin), await readlink(bin))).toBe(
        path.join(root, 'usr/lib', config.linux.executableName, config.linux.executableName),
      );
      const installed = await readFile(path.join(root, 'usr/lib', config.linux.executableName, 'resources/app.asar'));
      expect(installed.equals(await readFile(asarFile))).toBe(true);
    });

    it('passes desktop-file-validate, and registers as the meeting: handler', async ({ skip }) => {
      if (!hasDebianTools) skip('needs Debian tools: dpkg, dpkg-deb and fakeroot');
      if (!has('desktop-file-validate'))
        skip('needs desktop-file-utils (desktop-file-validate, update-desktop-database)');
      const applications = path.join(root, 'usr/share/applications');
      await run('desktop-file-validate', [path.join(applications, app.desktopName)]);
      // What Debian's trigger runs after an install: the MIME cache that xdg-open consults.
      await run('update-desktop-database', [applications]);
      const cache = await readFile(path.join(applications, 'mimeinfo.cache'), 'utf8');
      expect(cache).toMatch(new RegExp(`^x-scheme-handler/meeting=.*${app.desktopName.replace('.', '\\.')};`, 'm'));
    });
  });
});
