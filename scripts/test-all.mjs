#!/usr/bin/env node
// `npm test`: every suite in order — typecheck, lint, unit and integration
// (vitest), end to end (Playwright) — then one closing line with the totals:
// `N passed, N failed`. Typecheck and lint count one test per tsconfig / per run.
// Exits non-zero when anything failed. The totals are also written to
// test-results/summary.txt so CI can repeat them as its last line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function record(suite, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Electron's main process and preload each have their own tsconfig (main: Node, no DOM; preload: DOM).
const typecheckProjects = [
  'shared',
  'server',
  'renderer',
  'electron',
  'electron/tsconfig.main.json',
  'electron/tsconfig.preload.json',
  'e2e',
  'bench',
];
for (const project of typecheckProjects) {
  console.log(`\n== typecheck ${project}`);
  const ok = run(bin('tsc'), ['-p', project]) === 0;
  record(`typecheck ${project}`, ok ? 1 : 0, ok ? 0 : 1);
}

console.log('\n== lint');
const lintOk = run(bin('eslint'), ['.']) === 0;
record('lint', lintOk ? 1 : 0, lintOk ? 0 : 1);

console.log('\n== format (prettier --check; `npm run format` fixes)');
const formatOk = run(bin('prettier'), ['--check', '--log-level', 'warn', '.']) === 0;
record('format', formatOk ? 1 : 0, formatOk ? 0 : 1);

console.log('\n== unit and integration (vitest)');
const vitestJson = path.join(resultsDir, 'vitest.json');
const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  const failed = vitest.numFailedTests + countFilesThatFailedToRun(vitest);
  record(
    'vitest',
    vitest.numPassedTests,
    failed + (vitestStatus !== 0 && failed === 0 ? 1 : 0),
    vitest.numPendingTests + vitest.numTodoTests,
  );
} else {
  record('vitest (no report: the run itself failed)', 0, 1);
}

console.log('\n== web build (the end-to-end tests load it from the real server)');
const webBuildOk = run('npm', ['run', 'build', '-w', '@meetai/renderer']) === 0;
record('web build', webBuildOk ? 1 : 0, webBuildOk ? 0 : 1);

console.log('\n== end to end (Playwright, Chromium)');
const playwrightJson = path.join(resultsDir, 'playwright.json');
const e2eStatus = run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
const e2e = readJson(playwrightJson);
if (e2e?.stats) {
  const { expected, unexpected, flaky, skipped } = e2e.stats;
  const failed = unexpected + (e2eStatus !== 0 && unexpected === 0 ? 1 : 0);
  record('playwright', expected + flaky, failed, skipped);
} else {
  record('playwright (no report: the run itself failed)', 0, 1);
}

// A test file that fails to load or crashes has no failed test of its own to count; count it once.
function countFilesThatFailedToRun(report) {
  return report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
console.log(`\n== summary\n${lines.join('\n')}`);
writeFileSync(path.join(resultsDir, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exitCode = totals.failed > 0 ? 1 : 0;
