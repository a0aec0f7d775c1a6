import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import installer from 'electron-installer-debian';
import { BUILD_DIR, desktopEntryFor, schemeMimeTypes, type AppPackage, type BuilderConfig } from './builder-config';

export interface DebOptions {
  /** electron-builder's `linux-unpacked` folder. */
  unpackedDir: string;
  outDir: string;
  config: BuilderConfig;
  app: AppPackage;
  /** Debian's name for the architecture: amd64, arm64. */
  arch: string;
}

/**
 * A .deb of an unpacked app, with electron-installer-debian and Debian's
 * fakeroot and dpkg-deb, for machines where electron-builder's own deb target
 * cannot run (it downloads fpm from GitHub). The names, menu entry, icons and
 * the `meeting` scheme come from the same electron-builder.yml.
 */
export async function makeDeb({ unpackedDir, outDir, config, app, arch }: DebOptions): Promise<string> {
  const { linux } = config;
  const work = await mkdtemp(path.join(tmpdir(), 'meetai-deb-'));
  try {
    // The installer renders this as a template; the entry has no template tags, so it is written as is.
    const desktopTemplate = path.join(work, app.desktopName);
    await writeFile(desktopTemplate, desktopEntryFor(config, app));
    const iconsDir = path.join(BUILD_DIR, 'icons');
    const icons = Object.fromEntries(
      (await readdir(iconsDir))
        .filter((file) => /^\d+x\d+\.png$/.test(file))
        .map((file) => [file.replace(/\.png$/, ''), path.join(iconsDir, file)]),
    );
    const result = await installer({
      src: unpackedDir,
      dest: outDir,
      arch,
      name: linux.executableName,
      productName: config.productName,
      description: linux.synopsis,
      productDescription: linux.description,
      bin: linux.executableName,
      icon: icons,
      categories: linux.category.split(';').filter(Boolean),
      mimeType: schemeMimeTypes(config),
      maintainer: linux.maintainer,
      section: config.deb.packageCategory,
      priority: config.deb.priority,
      desktopTemplate,
      logger: () => undefined,
    });
    const [deb] = result.packagePaths;
    if (!deb) throw new Error('electron-installer-debian made no package');
    return deb;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
