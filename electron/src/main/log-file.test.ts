import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RotatingLogFile } from './log-file';
import { createLogger, logToFile } from './logger';

describe('main-process log file', () => {
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'meetai-logs-')), 'logs');
  });
  afterEach(async () => {
    logToFile(null);
    vi.restoreAllMocks();
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('writes every logger line to main.log in the logs folder it creates', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    logToFile(new RotatingLogFile(dir));
    createLogger('deeplink').warn('receive() | malformed link refused', { raw: 'meeting://x' });
    const text = await readFile(path.join(dir, 'main.log'), 'utf8');
    expect(text).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}\[deeplink\] receive\(\) \| malformed link refused \{ raw: 'meeting:\/\/x' \}\n$/,
    );
  });

  it('rotates past the size limit and keeps only the newest files', async () => {
    const log = new RotatingLogFile(dir, 'main', { maxBytes: 100, keep: 2 });
    for (let line = 0; line < 20; line += 1) log.write(`line ${String(line).padStart(2, '0')} ${'x'.repeat(30)}`);
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const current = await readFile(path.join(dir, 'main.log'), 'utf8');
    const previous = await readFile(path.join(dir, 'main.1.log'), 'utf8');
    const oldest = await readFile(path.join(dir, 'main.2.log'), 'utf8');
    expect(current).toContain('line 19');
    for (const text of [current, previous, oldest]) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100);
    // Order across files: oldest < previous < current.
    const first = (text: string) => Number(/line (\d+)/.exec(text)?.[1]);
    expect(first(oldest)).toBeLessThan(first(previous));
    expect(first(previous)).toBeLessThan(first(current));
    // Lines before the kept files are gone.
    expect([current, previous, oldest].join('')).not.toContain('line 00');
  });

  it('picks up the size of an existing file, so a restart does not grow it past the limit', async () => {
    new RotatingLogFile(dir, 'main', { maxBytes: 100 }).write('a'.repeat(80));
    new RotatingLogFile(dir, 'main', { maxBytes: 100 }).write('b'.repeat(40));
    expect(await readFile(path.join(dir, 'main.log'), 'utf8')).toBe(`${'b'.repeat(40)}\n`);
    expect(await readFile(path.join(dir, 'main.1.log'), 'utf8')).toBe(`${'a'.repeat(80)}\n`);
  });

  it('falls back to the console alone when the file cannot be written', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const file = new RotatingLogFile(dir);
    await rm(dir, { recursive: true, force: true });
    await (await import('node:fs/promises')).writeFile(dir, 'not a folder');
    logToFile(file);
    const log = createLogger('main');
    expect(() => log.info('one')).not.toThrow();
    expect(() => log.info('two')).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
  });
});
