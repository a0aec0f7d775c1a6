import type { HealthCheck, HealthStatus } from '@meetai/shared';

export type CheckResult = { status: HealthStatus; message?: string; latency_ms?: number };
export type CheckFn = () => Promise<CheckResult>;
type Entry = { check: CheckFn; isCritical: boolean; timeoutMs: number };

const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Named health checks that modules add as they are mounted (db, auth,
 * meetings, later media workers...). A failing critical check makes the
 * whole service `down`; any other failure makes it `degraded`.
 */
export class HealthRegistry {
  private readonly entries = new Map<string, Entry>();

  add(name: string, check: CheckFn, options: { isCritical?: boolean; timeoutMs?: number } = {}): void {
    this.entries.set(name, {
      check,
      isCritical: options.isCritical ?? false,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }

  async run(): Promise<{ status: HealthStatus; checks: Record<string, HealthCheck> }> {
    const names = [...this.entries.keys()];
    const results = await Promise.all(names.map((name) => runOne(this.entries.get(name) as Entry)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as HealthCheck]));
    let status: HealthStatus = 'ok';
    names.forEach((name, i) => {
      const result = results[i] as HealthCheck;
      if (result.status === 'ok') return;
      const entry = this.entries.get(name) as Entry;
      if (result.status === 'down' && entry.isCritical) status = 'down';
      else if (status === 'ok') status = 'degraded';
    });
    return { status, checks };
  }
}

async function runOne(entry: Entry): Promise<HealthCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', message: `No answer within ${entry.timeoutMs} ms` }),
      entry.timeoutMs,
    );
  });
  try {
    const result = await Promise.race([entry.check(), timeout]);
    return { ...result, latency_ms: round(result.latency_ms ?? performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      message: error instanceof Error ? error.message : String(error),
      latency_ms: round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
