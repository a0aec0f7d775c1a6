import { describeSchemas } from '../../testing/schema-cases';
import * as health from './admin-health';

const result = {
  name: 'grafana',
  group: 'monitoring',
  url: 'http://127.0.0.1:8804/api/health',
  status: 'down',
  http_status: null,
  latency_ms: 0.4,
  checked_at: '2026-01-01T00:00:00.000Z',
  message: 'connection refused on 127.0.0.1:8804',
};

describeSchemas('admin health contracts', health, {
  HealthTargetNameSchema: { valid: ['gateway', 'ai-worker', 'loki'], invalid: ['kafka', ''] },
  TargetStatusSchema: { valid: ['up', 'degraded', 'down', 'unknown'], invalid: ['ok'] },
  TargetGroupSchema: { valid: ['core', 'monitoring'], invalid: ['other'] },
  TargetUrlSchema: {
    valid: ['', 'http://127.0.0.1:8802', 'https://grafana.example.com/'],
    invalid: ['ftp://x', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url'],
  },
  HealthTargetSchema: {
    valid: [
      { name: 'prometheus', url: 'http://127.0.0.1:8802' },
      { name: 'jaeger', url: '' },
    ],
    invalid: [{ name: 'prometheus' }, { name: 'mysql', url: 'http://x' }, { name: 'loki', url: '', path: '/x' }],
  },
  HealthProbeRequestSchema: {
    valid: [
      { targets: [{ name: 'gateway', url: 'http://localhost:8800' }] },
      { targets: [{ name: 'loki', url: 'http://localhost:8805' }], timeout_ms: 500 },
    ],
    invalid: [
      { targets: [] },
      { targets: [{ name: 'loki', url: '' }], timeout_ms: 10 },
      {
        targets: [
          { name: 'loki', url: '' },
          { name: 'loki', url: 'http://x' },
        ],
      },
    ],
  },
  ProbeResultSchema: {
    valid: [result, { ...result, status: 'up', http_status: 200, message: null }],
    invalid: [
      { ...result, status: 'ok' },
      { ...result, latency_ms: -1 },
    ],
  },
  HealthSweepSchema: {
    valid: [
      {
        status: 'degraded',
        monitoring_status: 'down',
        checked_at: result.checked_at,
        duration_ms: 2001,
        timeout_ms: 2000,
        targets: [result],
      },
    ],
    invalid: [
      { status: 'unknown', monitoring_status: 'down', checked_at: '', duration_ms: 1, timeout_ms: 1, targets: [] },
    ],
  },
});
