import { describe, expect, it } from 'vitest';
import type { HealthSweep, ProbeResult } from '@meetai/shared';
import { HISTORY_LENGTH, recordSweep, type History } from './health-history';

const result = (status: ProbeResult['status'], at: string, latency: number | null = 3): ProbeResult => ({
  name: 'prometheus',
  group: 'monitoring',
  url: 'http://127.0.0.1:8802/-/ready',
  status,
  http_status: latency === null ? null : 200,
  latency_ms: latency,
  checked_at: at,
  message: null,
});
const sweep = (r: ProbeResult): HealthSweep => ({
  status: 'up',
  monitoring_status: r.status === 'unknown' ? 'unknown' : r.status,
  checked_at: r.checked_at,
  duration_ms: 1,
  timeout_ms: 2000,
  targets: [r],
});

describe('health history', () => {
  it('keeps when the status last changed, not when it was last checked', () => {
    let history: History = {};
    history = recordSweep(history, sweep(result('up', '2026-01-01T00:00:00Z')));
    history = recordSweep(history, sweep(result('up', '2026-01-01T00:00:15Z')));
    expect(history.prometheus?.since).toBe('2026-01-01T00:00:00Z');
    history = recordSweep(history, sweep(result('down', '2026-01-01T00:00:30Z', null)));
    expect(history.prometheus?.since).toBe('2026-01-01T00:00:30Z');
    expect(history.prometheus?.checks.map((c) => c.status)).toEqual(['up', 'up', 'down']);
  });

  it('keeps only the last checks the sparkline shows', () => {
    let history: History = {};
    for (let i = 0; i < HISTORY_LENGTH + 5; i++) {
      history = recordSweep(history, sweep(result('up', new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), i)));
    }
    expect(history.prometheus?.checks).toHaveLength(HISTORY_LENGTH);
    expect(history.prometheus?.checks[0]?.latency_ms).toBe(5);
  });
});
