import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeTargets, type HealthSweep, type HealthTarget, type HealthTargetName } from '@meetai/shared';
import { loadAverage, median, printTable } from './lib/report';
import type { ServerProcess } from './lib/server-process';

const SWEEPS = 5;
const TIMEOUT_MS = 2000;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * `admin-health`: one full sweep of admin mode's 14 targets, the way the
 * gateway and the desktop's main process run it (the shared probeTargets),
 * against the real server for the gateway, its modules and the AI worker,
 * three targets that accept the connection and never answer (each costs its
 * whole timeout) and two on closed ports (refused at once). The sweep should
 * take about one timeout, never the sum.
 */
export async function benchAdminHealth(server: ServerProcess): Promise<void> {
  const held = new Set<ServerResponse>();
  const silent = createServer((_request, response) => held.add(response));
  const silentUrl = await listen(silent);
  const closed = createServer();
  const closedUrl = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  const addressOf: Record<HealthTargetName, string> = {
    gateway: server.url,
    user: server.url,
    meeting: server.url,
    signaling: server.url,
    media: server.url,
    ai: server.url,
    'ai-worker': server.url,
    traces: server.url,
    logs: server.url,
    jaeger: silentUrl,
    grafana: silentUrl,
    loki: silentUrl,
    prometheus: closedUrl,
    alertmanager: closedUrl,
  };
  const targets: HealthTarget[] = Object.entries(addressOf).map(([name, url]) => ({
    name: name as HealthTargetName,
    url,
  }));
  const sweeps: HealthSweep[] = [];
  try {
    for (let i = 0; i < SWEEPS; i++) sweeps.push(await probeTargets({ targets, timeout_ms: TIMEOUT_MS }));
  } finally {
    for (const response of held) response.destroy();
    silent.closeAllConnections();
    silent.close();
  }

  const last = sweeps.at(-1) as HealthSweep;
  printTable(
    `admin-health: one sweep's targets (timeout ${TIMEOUT_MS} ms, load ${loadAverage()})`,
    last.targets.map((t) => ({
      target: t.name,
      status: t.status,
      latency_ms: t.latency_ms ?? '-',
      http: t.http_status ?? '-',
      message: (t.message ?? '').slice(0, 60),
    })),
  );
  const down = last.targets.filter((t) => t.status === 'down');
  printTable(`admin-health: ${SWEEPS} sweeps of ${targets.length} targets`, [
    {
      targets: targets.length,
      down: down.length,
      timed_out: down.filter((t) => t.message?.startsWith('timed out')).length,
      timeout_ms: TIMEOUT_MS,
      sweep_median_ms: median(sweeps.map((s) => s.duration_ms)),
      sweep_max_ms: Math.max(...sweeps.map((s) => s.duration_ms)),
      sum_of_latencies_ms: Math.round(last.targets.reduce((sum, t) => sum + (t.latency_ms ?? 0), 0)),
    },
  ]);
}
