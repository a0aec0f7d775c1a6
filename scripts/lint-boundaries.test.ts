import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The process boundaries in eslint.config.js, checked by planting one import
 * in a file of each folder: a boundary that silently stops applying (as when
 * a later block replaced an earlier one) fails here, not in a review.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import x from '${specifier}';\nexport default x;\n`, {
    filePath: path.join(root, filePath),
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const RENDERER_FILE = 'renderer/src/lib/planted.ts';
const COMPONENT_FILE = 'renderer/src/features/room/components/Planted.tsx';
const SHARED_FILE = 'shared/src/planted.ts';
const ELECTRON_FILE = 'electron/src/main/planted.ts';
const SERVER_FILE = 'server/src/planted.ts';

const cases: [file: string, specifier: string, why: RegExp][] = [
  [RENDERER_FILE, 'node:fs', /Node or Electron/],
  [RENDERER_FILE, 'fs', /Node or Electron/],
  [RENDERER_FILE, 'electron', /Node or Electron/],
  [RENDERER_FILE, '@meetai/server', /Only server/],
  [RENDERER_FILE, '../../../server/src/app', /Only server/],
  [RENDERER_FILE, '@meetai/desktop', /Only electron/],
  [RENDERER_FILE, '../../../electron/main/index', /Only electron/],
  [SHARED_FILE, 'node:crypto', /Node or Electron/],
  [SHARED_FILE, 'electron', /Node or Electron/],
  [SHARED_FILE, '@meetai/server', /Only server/],
  [COMPONENT_FILE, 'mediasoup-client', /RoomClient/],
  [COMPONENT_FILE, '../../../room/signaling-client', /RoomClient/],
  [COMPONENT_FILE, 'node:path', /Node or Electron/],
  [COMPONENT_FILE, 'path', /Node or Electron/],
  [COMPONENT_FILE, 'electron', /Node or Electron/],
  [COMPONENT_FILE, '@meetai/server', /Only server/],
  [COMPONENT_FILE, '../../../../../server/src/app', /Only server/],
  [COMPONENT_FILE, '@meetai/desktop', /Only electron/],
  [ELECTRON_FILE, '@meetai/server', /electron\/ imports only shared/],
  [ELECTRON_FILE, '../../renderer/src/main', /electron\/ imports only shared/],
  [SERVER_FILE, '@meetai/renderer', /server\/ imports only shared/],
  [SERVER_FILE, '../../electron/main/index', /server\/ imports only shared/],
];

describe('eslint process boundaries', () => {
  it.each(cases)('%s may not import %s', async (file, specifier, why) => {
    const messages = await restrictedImports(file, specifier);
    expect(messages).toContainEqual(expect.stringMatching(why));
  });

  it.each([
    [RENDERER_FILE, '@meetai/shared'],
    [COMPONENT_FILE, '../../../room/room-selectors'],
    [COMPONENT_FILE, '../../../lib/http'],
    [SERVER_FILE, 'node:fs'],
    [ELECTRON_FILE, 'electron'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([]);
  });
});
