import { describeSchemas } from '../../testing/schema-cases';
import * as health from './health';

const REPORT = {
  status: 'degraded',
  service: 'gateway',
  version: '0.1.0',
  uptime_s: 12,
  checks: { db: { status: 'ok', latency_ms: 0.4 }, web: { status: 'degraded', message: 'not built' } },
};

describeSchemas('health contracts', health, {
  HealthStatusSchema: { valid: ['ok', 'degraded', 'down'], invalid: ['up', 'OK'] },
  HealthCheckSchema: {
    valid: [{ status: 'ok' }, { status: 'down', latency_ms: 2000, message: 'timeout' }],
    invalid: [{ status: 'ok', latency_ms: -1 }, {}],
  },
  HealthReportSchema: {
    valid: [REPORT, { ...REPORT, status: 'ok', checks: {} }],
    invalid: [
      { ...REPORT, uptime_s: -5 },
      { ...REPORT, checks: { db: { status: 'fine' } } },
      { ...REPORT, version: undefined },
    ],
  },
});
