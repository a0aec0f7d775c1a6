import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchFigures,
  fetchFiringAlerts,
  probeTargets,
  type HealthTarget,
  type HealthTargetName,
  type ProbeResult,
} from '@meetai/shared';

/**
 * The shared probe logic (the gateway's `/admin/health` and the desktop's main
 * process run it) against real local HTTP servers that misbehave in each way a
 * monitored service does. Lives here because the shared package has no Node
 * types to start a server with.
 */

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];
const hanging = new Set<ServerResponse>();

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const send = (response: ServerResponse, status: number, type: string, body: string) => {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
};

const report = (status: 'ok' | 'degraded' | 'down', checks: Record<string, unknown>) =>
  JSON.stringify({ status, service: 'gateway', version: '0.1.0', uptime_s: 12, checks });

let requestsTo: Record<string, number> = {};
let urls: Record<string, string> = {};

beforeAll(async () => {
  urls = {
    gateway: await serve((request, response) => {
      requestsTo[request.url ?? ''] = (requestsTo[request.url ?? ''] ?? 0) + 1;
      if (request.url === '/health') {
        send(
          response,
          200,
          'application/json',
          report('degraded', {
            db: { status: 'ok' },
            auth: { status: 'ok' },
            meetings: { status: 'ok' },
            media: { status: 'down', message: '0 of 1 mediasoup workers running' },
            web: { status: 'degraded', message: 'web build missing' },
          }),
        );
      } else send(response, 404, 'application/json', '{}');
    }),
    slow: await serve((_request, response) => {
      setTimeout(() => send(response, 200, 'text/plain', 'ready'), 400);
    }),
    error500: await serve((_request, response) => send(response, 500, 'text/plain', 'database locked')),
    html: await serve((_request, response) =>
      send(response, 200, 'text/html; charset=utf-8', '<!doctype html><title>Sign in</title>'),
    ),
    reset: await serve((request) => request.socket.destroy()),
    never: await serve((_request, response) => {
      hanging.add(response);
    }),
    prometheusStarting: await serve((request, response) => {
      if (request.url === '/-/healthy') send(response, 200, 'text/plain', 'Prometheus Server is Healthy.\n');
      else send(response, 503, 'text/plain', 'Service Unavailable');
    }),
    notPrometheus: await serve((_request, response) => send(response, 200, 'text/plain', 'hello from nginx')),
    refused: await closedPort(),
  };
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function probeOne(name: HealthTargetName, url: string, timeout_ms = 1000): Promise<ProbeResult> {
  const sweep = await probeTargets({ targets: [{ name, url }], timeout_ms });
  return sweep.targets[0] as ProbeResult;
}

describe('probing one target', () => {
  it('says "connection refused on host:port" when nothing listens', async () => {
    const result = await probeOne('grafana', urls.refused as string);
    expect(result.status).toBe('down');
    expect(result.message).toBe(`connection refused on ${(urls.refused as string).replace('http://', '')}`);
    expect(result.http_status).toBeNull();
  });

  it('says "timed out after …" when the server never answers', async () => {
    const result = await probeOne('loki', urls.never as string, 300);
    expect(result).toMatchObject({ status: 'down', message: 'timed out after 300 ms', http_status: null });
  });

  it('names the reset when the server drops the connection', async () => {
    const result = await probeOne('loki', urls.reset as string);
    expect(result.status).toBe('down');
    expect(result.message).toMatch(/^connection (reset|closed) by 127\.0\.0\.1:\d+ before it answered$/);
  });

  it('reports an HTTP 500 with its status and text', async () => {
    const result = await probeOne('loki', urls.error500 as string);
    expect(result).toMatchObject({
      status: 'down',
      http_status: 500,
      message: 'answered HTTP 500 Internal Server Error: "database locked"',
    });
  });

  it('says "answered HTML, not JSON" where JSON was expected', async () => {
    const result = await probeOne('grafana', urls.html as string);
    expect(result).toMatchObject({ status: 'down', http_status: 200, message: 'answered HTML, not JSON' });
  });

  it('marks a slow answer degraded, with how slow', async () => {
    const result = await probeOne('loki', urls.slow as string, 700);
    expect(result.status).toBe('degraded');
    expect(result.message).toMatch(/^slow: answered in \d+ ms \(over 350 ms\)$/);
    expect(result.latency_ms).toBeGreaterThanOrEqual(350);
  });

  it('tells a Prometheus that is healthy but not ready from one that is up, and from another program', async () => {
    expect(await probeOne('prometheus', urls.prometheusStarting as string)).toMatchObject({
      status: 'degraded',
      http_status: 503,
      message: 'healthy but not ready: "Service Unavailable"',
    });
    expect(await probeOne('prometheus', urls.notPrometheus as string)).toMatchObject({
      status: 'down',
      message: 'something else answers here: "hello from nginx"',
    });
  });

  it('leaves a target without an address unknown, without probing', async () => {
    expect(await probeOne('jaeger', '')).toMatchObject({ status: 'unknown', message: 'no address set', url: '' });
  });
});

describe('a sweep', () => {
  it('reads every module of the gateway from one /health request', async () => {
    requestsTo = {};
    const names: HealthTargetName[] = ['gateway', 'user', 'meeting', 'media', 'signaling', 'traces'];
    const sweep = await probeTargets({ targets: names.map((name) => ({ name, url: urls.gateway as string })) });
    expect(requestsTo).toEqual({ '/health': 1 });
    const byName = Object.fromEntries(sweep.targets.map((t) => [t.name, t]));
    expect(byName.gateway).toMatchObject({
      status: 'degraded',
      message: 'media down: 0 of 1 mediasoup workers running; web degraded: web build missing',
    });
    expect(byName.user?.status).toBe('up');
    expect(byName.media).toMatchObject({ status: 'down', message: '0 of 1 mediasoup workers running' });
    expect(byName.signaling).toMatchObject({
      status: 'down',
      message: 'no signaling module here: this address answers as "gateway" without a "signaling" check',
    });
    expect(byName.traces).toMatchObject({
      status: 'down',
      group: 'monitoring',
      message: 'off: the server exports no traces (set OTEL_EXPORTER_OTLP_ENDPOINT)',
    });
    expect(sweep.status).toBe('degraded');
  });

  it('probes all targets at once: every silent server holds a request open at the same time', async () => {
    let open = 0;
    let mostOpen = 0;
    const silent = await serve((_request, response) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      hanging.add(response);
      response.on('close', () => (open -= 1));
    });
    const targets: HealthTarget[] = (['jaeger', 'grafana', 'loki', 'gateway'] as const).map((name) => ({
      name,
      url: silent,
    }));
    const sweep = await probeTargets({ targets, timeout_ms: 300 });
    expect(mostOpen).toBe(4);
    expect(sweep.targets.every((t) => t.status === 'down' && t.message === 'timed out after 300 ms')).toBe(true);
    expect(sweep.status).toBe('down');
    expect(sweep.monitoring_status).toBe('down');
  });
});

describe('Prometheus figures and Alertmanager alerts', () => {
  it('reads query_range answers, dropping NaN samples, and names an unreachable Prometheus', async () => {
    const queries: string[] = [];
    const prometheus = await serve((request, response) => {
      const query = new URL(request.url ?? '', 'http://x').searchParams.get('query') ?? '';
      queries.push(query);
      const values = query.includes('meetai_meetings_live')
        ? [
            [1000, '1'],
            [1030, '2'],
          ]
        : [[1000, 'NaN']];
      send(
        response,
        200,
        'application/json',
        JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } }),
      );
    });
    const figures = await fetchFigures(prometheus);
    expect(figures.status).toBe('up');
    expect(queries).toHaveLength(figures.figures.length);
    expect(figures.figures.find((f) => f.id === 'meetings')).toMatchObject({
      value: 2,
      points: [
        [1000, 1],
        [1030, 2],
      ],
    });
    expect(figures.figures.find((f) => f.id === 'error_rate')).toMatchObject({ value: null, points: [] });

    const unreachable = await fetchFigures(urls.refused as string);
    expect(unreachable).toMatchObject({ status: 'down', figures: [] });
    expect(unreachable.message).toMatch(/^connection refused on /);
    expect((await fetchFigures(urls.html as string)).message).toBe(
      'answered something that is not Prometheus’s query API',
    );
  });

  it('lists firing alerts newest first and says why when Alertmanager is not there', async () => {
    const alertmanager = await serve((_request, response) =>
      send(
        response,
        200,
        'application/json',
        JSON.stringify([
          {
            fingerprint: 'a1',
            labels: { alertname: 'MeetAIWorkerDied', severity: 'critical' },
            annotations: { summary: 'A mediasoup worker died.' },
            startsAt: '2026-01-01T10:00:00Z',
            status: { state: 'active' },
          },
          {
            fingerprint: 'b2',
            labels: { alertname: 'MeetAIServiceDown' },
            annotations: {},
            startsAt: '2026-01-01T11:00:00Z',
            status: { state: 'active' },
          },
        ]),
      ),
    );
    const alerts = await fetchFiringAlerts(alertmanager);
    expect(alerts.status).toBe('up');
    expect(alerts.alerts.map((a) => [a.name, a.severity, a.summary])).toEqual([
      ['MeetAIServiceDown', null, null],
      ['MeetAIWorkerDied', 'critical', 'A mediasoup worker died.'],
    ]);
    const down = await fetchFiringAlerts(urls.never as string, { timeoutMs: 200 });
    expect(down).toMatchObject({ status: 'down', message: 'timed out after 200 ms', alerts: [] });
  });
});
