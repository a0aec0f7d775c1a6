import { describeSchemas } from '../../testing/schema-cases';
import * as monitoring from './admin-monitoring';

const alert = {
  fingerprint: 'f1',
  name: 'MeetAIWorkerDied',
  severity: 'critical',
  summary: 'A mediasoup worker died.',
  state: 'active',
  starts_at: '2026-01-01T00:00:00.000Z',
  labels: { alertname: 'MeetAIWorkerDied' },
};
const figure = { id: 'meetings', unit: 'count', value: 2, points: [[1700000000, 2]] };
const source = { source_url: 'http://127.0.0.1:8802', checked_at: '2026-01-01T00:00:00.000Z' };

describeSchemas('admin monitoring contracts', monitoring, {
  FigureIdSchema: { valid: ['meetings', 'worker_cpu'], invalid: ['cpu'] },
  FigureSchema: {
    valid: [figure, { ...figure, value: null, points: [] }],
    invalid: [
      { ...figure, points: [[1, 'x']] },
      { ...figure, unit: 'bytes' },
    ],
  },
  FiguresSchema: {
    valid: [
      { ...source, status: 'up', message: null, range_s: 1800, step_s: 30, figures: [figure] },
      { ...source, status: 'down', message: 'connection refused', range_s: 1800, step_s: 30, figures: [] },
    ],
    invalid: [{ ...source, status: 'degraded', message: null, range_s: 1, step_s: 1, figures: [] }],
  },
  FiringAlertSchema: {
    valid: [alert, { ...alert, severity: null, summary: null }],
    invalid: [{ ...alert, labels: { a: 1 } }],
  },
  FiringAlertsSchema: {
    valid: [{ ...source, status: 'up', message: null, alerts: [alert] }],
    invalid: [{ ...source, status: 'up', message: null, alerts: [{}] }],
  },
  MonitoringSourceQuerySchema: {
    valid: [{}, { url: 'http://127.0.0.1:8802' }],
    invalid: [{ url: 'gopher://x' }, { other: 1 }],
  },
});
