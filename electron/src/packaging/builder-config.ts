import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** Where the packaging files live, from this file's place in electron/src/packaging. */
const here = path.dirname(fileURLToPath(import.meta.url));
export const ELECTRON_DIR = path.resolve(here, '../..');
export const BUILD_DIR = path.resolve(ELECTRON_DIR, '../build');
export const BUILDER_CONFIG = path.join(BUILD_DIR, 'electron-builder.yml');

/**
 * The part of build/electron-builder.yml that the Debian package made from an
 * unpacked app must agree with: names, the menu entry, the `meeting` scheme.
 * electron-builder itself validates the whole file against its own schema.
 */
const BuilderConfigSchema = z.object({
  appId: z.string(),
  productName: z.string(),
  protocols: z.array(z.object({ name: z.string(), schemes: z.array(z.string()).min(1) })).min(1),
  linux: z.object({
    executableName: z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/),
    category: z.string(),
    synopsis: z.string(),
    description: z.string(),
    maintainer: z.string(),
    desktop: z.object({ entry: z.record(z.string(), z.string()) }),
  }),
  deb: z.object({ packageCategory: z.string(), priority: z.string() }),
});
export type BuilderConfig = z.infer<typeof BuilderConfigSchema>;

/** The fields of electron/package.json that packaging reads. */
const AppPackageSchema = z.object({
  version: z.string(),
  main: z.string(),
  /** Electron takes the window's app_id / WM_CLASS from it, so it names the desktop entry. */
  desktopName: z.string().regex(/^[a-z0-9][a-z0-9.+-]*\.desktop$/),
});
export type AppPackage = z.infer<typeof AppPackageSchema>;

export async function loadBuilderConfig(file = BUILDER_CONFIG): Promise<BuilderConfig> {
  return BuilderConfigSchema.parse(parse(await readFile(file, 'utf8')));
}

export async function loadAppPackage(dir = ELECTRON_DIR): Promise<AppPackage> {
  return AppPackageSchema.parse(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')));
}

/** `x-scheme-handler/meeting` for each scheme the app registers. */
export function schemeMimeTypes(config: BuilderConfig): string[] {
  return config.protocols.flatMap((protocol) => protocol.schemes.map((scheme) => `x-scheme-handler/${scheme}`));
}

/**
 * The desktop entry, built as electron-builder builds its own (its defaults,
 * then `linux.desktop.entry`, then Comment from the description, MimeType per
 * scheme and Categories), except Exec: a Debian package puts the command on
 * the PATH, so it is the bare executable name.
 */
export function desktopEntryFor(config: BuilderConfig, app: AppPackage): string {
  const { linux } = config;
  const fields: Record<string, string> = {
    Name: config.productName,
    Exec: `${linux.executableName} %U`,
    Terminal: 'false',
    Type: 'Application',
    Icon: linux.executableName,
    StartupWMClass: app.desktopName.replace(/\.desktop$/, ''),
    ...linux.desktop.entry,
    Comment: linux.description,
    MimeType: `${schemeMimeTypes(config).join(';')};`,
    Categories: `${linux.category.replace(/;+$/, '')};`,
  };
  const lines = Object.entries(fields).map(([key, value]) => `${key}=${value}`);
  return ['[Desktop Entry]', ...lines, ''].join('\n');
}
