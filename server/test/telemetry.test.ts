import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport, HealthSweep } from '@meetai/shared';
import { body, call, login, PASSWORD } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

type Received = { method: string; path: string; contentType: string; body: string };

/**
 * A stand-in receiver on loopback for what the server sends out: OTLP/HTTP
 * trace batches and Loki push requests. It records them so the test can read
 * what the server really sent over the wire.
 */
async function receiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        contentType: request.headers['content-type'] ?? '',
        body: text,
      });
      if (request.url === '/ready') response.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('trace export and log shipping, when configured', () => {
  let collector: Awaited<ReturnType<typeof receiver>>;
  let server: TestApp;
  beforeAll(async () => {
    collector = await receiver();
    server = await buildTestApp({
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'meetai-test',
      LOKI_URL: collector.url,
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: 'teleadmin',
      ADMIN_PASSWORD: PASSWORD,
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    collector.server.close();
  });

  it('sends a span per HTTP request over OTLP/HTTP, continuing the caller’s traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const batch = await until(
      () => collector.received.find((r) => r.path === '/v1/traces' && r.body.includes('GET /health')),
      'a trace batch with the /health span',
    );
    expect(batch.method).toBe('POST');
    expect(batch.body).toContain('meetai-test');
    // JSON encodes ids as hex; protobuf as raw bytes: either way the caller's trace id is in the batch.
    const rawId = Buffer.from(traceId, 'hex').toString('latin1');
    expect(batch.body.includes(traceId) || batch.body.includes(rawId)).toBe(true);

    const report = (await server.app.inject({ method: 'GET', url: '/health' })).json<HealthReport>();
    expect(report.checks.traces).toMatchObject({ status: 'ok', message: expect.stringContaining('last batch') });
  });

  it('ships log lines to Loki’s push API, labelled with the service', async () => {
    server.app.log.warn({ probe: 'loki' }, 'a line for loki');
    const push = await until(
      () => collector.received.find((r) => r.path === '/loki/api/v1/push' && r.body.includes('a line for loki')),
      'a Loki push with the line',
    );
    expect(push.method).toBe('POST');
    expect(JSON.parse(push.body).streams[0].stream).toMatchObject({ service: 'meetai-test' });
    const report = (await server.app.inject({ method: 'GET', url: '/health' })).json<HealthReport>();
    expect(report.checks.logs).toMatchObject({ status: 'ok', message: `on: shipping to ${collector.url}` });
  });

  it('admin mode shows both as up', async () => {
    const admin = await login(server.app, 'teleadmin');
    const sweep = body<HealthSweep>(await call(server.app, 'GET', '/api/v1/admin/health', undefined, admin.token)).data;
    const byName = Object.fromEntries(sweep.targets.map((t) => [t.name, t]));
    expect(byName.traces?.status).toBe('up');
    expect(byName.logs?.status).toBe('up');
  });
});
