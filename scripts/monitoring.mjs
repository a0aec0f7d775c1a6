#!/usr/bin/env node
// `npm run monitoring`: Debian's Prometheus and Alertmanager on the seed's ports (8802, 8803),
// configured from deploy/, Prometheus scraping the gateway. Runs in the foreground until
// Ctrl-C (or SIGTERM), then stops both. Data lives in .data/monitoring/ (MONITORING_DATA_DIR).
//
//   MONITORING_GATEWAY   host:port Prometheus scrapes (default localhost:8800; rewritten into a copy of the config)
//   MONITORING_INTERVAL  scrape and rule-evaluation interval (default: the config's 15s)
//   MONITORING_HOST      address both listen on (default 127.0.0.1)
//   MONITORING_PROMETHEUS_PORT, MONITORING_ALERTMANAGER_PORT  (default 8802, 8803)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const host = env.MONITORING_HOST || '127.0.0.1';
const ports = {
  prometheus: Number(env.MONITORING_PROMETHEUS_PORT || 8802),
  alertmanager: Number(env.MONITORING_ALERTMANAGER_PORT || 8803),
};
const dataDir = path.resolve(env.MONITORING_DATA_DIR || path.join(root, '.data/monitoring'));
const READY_TIMEOUT_MS = 30_000;

function need(binary) {
  if (spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0) return binary;
  console.error(
    `monitoring: ${binary} is not installed. On Debian: apt-get install -y --no-install-recommends prometheus prometheus-alertmanager (npm run setup does it).`,
  );
  process.exit(2);
}

/** The deploy config with this run's gateway, ports and interval, next to a copy of its rules. */
function prometheusConfig() {
  const dir = path.join(dataDir, 'config');
  mkdirSync(dir, { recursive: true });
  let text = readFileSync(path.join(root, 'deploy/prometheus/prometheus.yml'), 'utf8');
  const swap = (from, to) => {
    if (!text.includes(from)) throw new Error(`deploy/prometheus/prometheus.yml no longer has "${from}"`);
    text = text.replaceAll(from, to);
  };
  if (env.MONITORING_GATEWAY) swap("'localhost:8800'", `'${env.MONITORING_GATEWAY}'`);
  if (ports.alertmanager !== 8803) swap("'localhost:8803'", `'localhost:${ports.alertmanager}'`);
  if (ports.prometheus !== 8802) swap("'localhost:8802'", `'localhost:${ports.prometheus}'`);
  if (env.MONITORING_INTERVAL) {
    swap('scrape_interval: 15s', `scrape_interval: ${env.MONITORING_INTERVAL}`);
    swap('evaluation_interval: 15s', `evaluation_interval: ${env.MONITORING_INTERVAL}`);
  }
  writeFileSync(path.join(dir, 'prometheus.yml'), text);
  copyFileSync(path.join(root, 'deploy/prometheus/alerts.yml'), path.join(dir, 'alerts.yml'));
  return path.join(dir, 'prometheus.yml');
}

const children = [];
let isStopping = false;

function stop(code) {
  if (isStopping) return;
  isStopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  ).then(() => process.exit(code));
}

function start(name, binary, args) {
  const child = spawn(binary, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  // Both log to stderr; keep their lines but mark whose they are.
  child.stderr.on('data', (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) process.stderr.write(`[${name}] ${line}\n`);
  });
  child.on('exit', (code, signal) => {
    if (isStopping) return;
    console.error(`monitoring: ${name} stopped (${signal ?? `exit code ${code}`}); stopping the other.`);
    stop(code || 1);
  });
  children.push(child);
}

async function waitReady(name, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

const prometheus = need('prometheus');
const alertmanager = need('prometheus-alertmanager');
mkdirSync(path.join(dataDir, 'prometheus'), { recursive: true });
mkdirSync(path.join(dataDir, 'alertmanager'), { recursive: true });

start('alertmanager', alertmanager, [
  `--config.file=${path.join(root, 'deploy/alertmanager/alertmanager.yml')}`,
  `--storage.path=${path.join(dataDir, 'alertmanager')}`,
  `--web.listen-address=${host}:${ports.alertmanager}`,
  // Without an empty cluster address it binds *:9094 and waits for gossip peers.
  '--cluster.listen-address=',
]);
start('prometheus', prometheus, [
  `--config.file=${prometheusConfig()}`,
  `--storage.tsdb.path=${path.join(dataDir, 'prometheus')}`,
  `--web.listen-address=${host}:${ports.prometheus}`,
  '--web.enable-lifecycle',
]);

try {
  await waitReady('Alertmanager', `http://${host}:${ports.alertmanager}/-/ready`);
  await waitReady('Prometheus', `http://${host}:${ports.prometheus}/-/ready`);
} catch (error) {
  console.error(`monitoring: ${error.message}`);
  stop(1);
}
if (!isStopping)
  console.log(
    `monitoring: ready. Prometheus http://${host}:${ports.prometheus} (scraping ${env.MONITORING_GATEWAY || 'localhost:8800'}), ` +
      `Alertmanager http://${host}:${ports.alertmanager}. Ctrl-C stops both.`,
  );
