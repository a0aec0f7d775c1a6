import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthReportSchema } from '@meetai/shared';
import { call, signUp } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /health', () => {
  it('reports the database (with a real query and its latency) and each mounted module', async () => {
    const response = await call(t.app, 'GET', '/health');
    expect(response.statusCode).toBe(200);
    const report = HealthReportSchema.parse(response.json());
    expect(report.service).toBe('gateway');
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.checks.db).toMatchObject({ status: 'ok', latency_ms: expect.any(Number) });
    expect(report.checks.auth?.status).toBe('ok');
    expect(report.checks.meetings?.status).toBe('ok');
    // The test app points WEB_DIR at a folder that does not exist.
    expect(report.checks.web).toMatchObject({ status: 'degraded', message: expect.stringContaining('not built') });
    expect(report.status).toBe('degraded');
  });
});

describe('GET /metrics', () => {
  it('exposes process metrics and request counts and latency by route pattern and status', async () => {
    const session = await signUp(t.app);
    await call(t.app, 'GET', '/api/v1/meetings/12345', undefined, session.token);
    const response = await call(t.app, 'GET', '/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.body;
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/api\/v1\/auth\/register",status_code="201"\} 1/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/meetings\/:id",status_code="404"\} 1/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/api\/v1\/auth\/login",status_code="200"\}/,
    );
  });
});

describe('when the database is gone', () => {
  it('/health answers 503 with status down and the db check saying why', async () => {
    const broken = await buildTestApp();
    await broken.app.services.database.close();
    const response = await call(broken.app, 'GET', '/health');
    expect(response.statusCode).toBe(503);
    const report = HealthReportSchema.parse(response.json());
    expect(report.status).toBe('down');
    expect(report.checks.db).toMatchObject({ status: 'down', message: expect.any(String) });
    await broken.close();
  });
});
