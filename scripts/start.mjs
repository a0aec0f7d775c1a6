#!/usr/bin/env node
// `npm start`: build what is stale, start every service in one process on one
// port, then open the desktop app if an Electron runtime is installed, or say
// which URL to open in a browser (and why) when it is not.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8800);
const localUrl = `http://localhost:${port}`;

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), 0);
}

function isStale(output, inputs) {
  const built = newestMtime(output);
  return built === 0 || inputs.some((input) => newestMtime(path.join(root, input)) > built);
}

function run(label, args) {
  console.log(`start: ${label}`);
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: ${label} failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
}

if (isStale(path.join(root, 'renderer/dist/index.html'), ['renderer/src', 'renderer/index.html', 'shared/src'])) {
  run('building the web client (renderer changed since the last build)', ['run', 'build', '-w', '@meetai/renderer']);
}

if (isStale(path.join(root, 'server/dist/main.mjs'), ['server/src', 'shared/src', 'server/package.json'])) {
  run('building the server (sources changed since the last build)', ['run', 'build', '-w', '@meetai/server']);
}

const server = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: String(port) },
});
server.on('exit', (code, signal) => {
  console.log(`start: the server stopped (${signal ?? `exit code ${code}`}).`);
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

async function waitForHealth() {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      const response = await fetch(`${localUrl}/health`);
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * The Electron runtime's path, or null. Not `require('electron')`: that tries
 * to download the runtime when it is missing, which fails on offline machines.
 */
function electronBinary() {
  const packageDir = path.join(root, 'node_modules/electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
    return existsSync(binary) ? binary : null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (!(await waitForHealth())) {
  console.error(`start: the server did not answer on ${localUrl}/health within a minute.`);
  server.kill('SIGTERM');
  process.exit(1);
}

const electron = electronBinary();
if (electron) {
  if (isStale(path.join(root, 'electron/dist/main.cjs'), ['electron/src', 'shared/src'])) {
    run('building the desktop shell', ['run', 'build', '-w', '@meetai/desktop']);
  }
  console.log('start: opening the desktop app');
  const app = spawn(electron, [path.join(root, 'electron')], {
    stdio: 'inherit',
    env: { ...process.env, MEETAI_SERVER_URL: localUrl },
  });
  app.on('exit', () =>
    console.log(`start: desktop app closed; the server keeps running at ${localUrl} (Ctrl+C stops it).`),
  );
} else {
  console.log(
    [
      '',
      `  MeetAI is running. Open ${localUrl} in Chrome, Chromium, Edge or Firefox.`,
      '',
      '  The desktop app was not opened: no Electron runtime is installed (its download',
      '  is skipped on machines that cannot reach GitHub). The web client is the same app.',
      '  Ctrl+C stops the server.',
      '',
    ].join('\n'),
  );
}
