import { describe, expect, it } from 'vitest';
import { HealthRegistry } from '../src/observability/health-registry';

describe('HealthRegistry', () => {
  it('is ok when every check is ok', async () => {
    const registry = new HealthRegistry();
    registry.add('a', async () => ({ status: 'ok' }));
    registry.add('b', async () => ({ status: 'ok', latency_ms: 1.234 }));
    const result = await registry.run();
    expect(result.status).toBe('ok');
    expect(result.checks.b).toEqual({ status: 'ok', latency_ms: 1.23 });
    expect(result.checks.a?.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('is degraded when a non-critical check fails, down when a critical one does', async () => {
    const registry = new HealthRegistry();
    registry.add('db', async () => ({ status: 'ok' }), { isCritical: true });
    registry.add('web', async () => {
      throw new Error('no build');
    });
    expect(await registry.run()).toMatchObject({
      status: 'degraded',
      checks: { web: { status: 'down', message: 'no build' } },
    });
    registry.add('db', async () => ({ status: 'down', message: 'disk gone' }), { isCritical: true });
    expect((await registry.run()).status).toBe('down');
  });

  it('a check that never answers is down after its timeout', async () => {
    const registry = new HealthRegistry();
    registry.add('stuck', () => new Promise(() => undefined), { timeoutMs: 20 });
    const result = await registry.run();
    expect(result.checks.stuck).toMatchObject({ status: 'down', message: 'No answer within 20 ms' });
  });
});
