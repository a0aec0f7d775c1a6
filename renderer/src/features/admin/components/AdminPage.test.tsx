import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Figures, FiringAlerts, HealthSweep, ProbeResult } from '@meetai/shared';
import { useSessionStore } from '../../session';
import { startAppHarness } from '../../../test/app-harness';
import { userFixture } from '../../../test/fixtures';
import type { TestServer } from '../../../test/http-test-server';
import { AdminPage } from './AdminPage';

const envelope = (data: unknown) => ({ status: 200, body: { code: 200, message: 'ok', data } });
const at = '2026-01-01T00:00:00.000Z';
const result = (
  name: ProbeResult['name'],
  group: ProbeResult['group'],
  status: ProbeResult['status'],
  message: string | null,
): ProbeResult => ({
  name,
  group,
  url: `http://127.0.0.1:1/${name}`,
  status,
  http_status: status === 'down' ? null : 200,
  latency_ms: status === 'down' ? 0.4 : 3,
  checked_at: at,
  message,
});
const sweep: HealthSweep = {
  status: 'up',
  monitoring_status: 'degraded',
  checked_at: at,
  duration_ms: 2003,
  timeout_ms: 2000,
  targets: [
    result('gateway', 'core', 'up', 'gateway 0.1.0, up 12 s'),
    result('prometheus', 'monitoring', 'up', null),
    result('grafana', 'monitoring', 'down', 'connection refused on 127.0.0.1:8804'),
  ],
};
const figures: Figures = {
  source_url: 'http://127.0.0.1:8802',
  status: 'up',
  message: null,
  checked_at: at,
  range_s: 1800,
  step_s: 30,
  figures: [{ id: 'meetings', unit: 'count', value: 2, points: [[1, 2]] }],
};
const alerts: FiringAlerts = {
  source_url: 'http://127.0.0.1:8803',
  status: 'up',
  message: null,
  checked_at: at,
  alerts: [
    {
      fingerprint: 'f',
      name: 'MeetAIWorkerDied',
      severity: 'critical',
      summary: 'A worker died.',
      state: 'active',
      starts_at: at,
      labels: {},
    },
  ],
};

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
});
afterEach(() => server.close());

function renderAdmin(role: 'admin' | 'user') {
  useSessionStore.setState({ status: 'signed-in', user: { ...userFixture, role }, accessToken: 'access-1' });
  return render(
    <MemoryRouter initialEntries={['/admin']}>
      <AdminPage />
    </MemoryRouter>,
  );
}

describe('admin mode', () => {
  it('shows the overall state, a card per target with why it is down, a figure and a firing alert', async () => {
    server.route('POST', '/api/v1/admin/health', () => envelope(sweep));
    server.route('GET', '/api/v1/admin/monitoring/figures', () => envelope(figures));
    server.route('GET', '/api/v1/admin/monitoring/alerts', () => envelope(alerts));
    renderAdmin('admin');

    await waitFor(() => expect(screen.getAllByTestId('health-card')).toHaveLength(3));
    expect(screen.getByTestId('health-overall').getAttribute('data-status')).toBe('up');
    expect(screen.getByTestId('health-overall-word').textContent).toContain('All services are healthy');
    const grafana = screen.getAllByTestId('health-card').find((c) => c.dataset.target === 'grafana') as HTMLElement;
    expect(grafana.getAttribute('data-status')).toBe('down');
    expect(within(grafana).getByTestId('health-card-status').textContent).toContain('Down');
    expect(within(grafana).getByTestId('health-card-message').textContent).toContain(
      'connection refused on 127.0.0.1:8804',
    );
    expect(within(grafana).getByTestId('health-card-http').textContent).toContain('no answer');
    expect(within(grafana).getByTestId('health-sparkline').getAttribute('data-count')).toBe('1');
    await waitFor(() => expect(screen.getByTestId('figure').getAttribute('data-value')).toBe('2'));
    expect(screen.getByTestId('alert-item').getAttribute('data-alert')).toBe('MeetAIWorkerDied');

    // The probe got every target, with the server's address as the gateway's.
    const probe = server.requests.find((r) => r.path === '/api/v1/admin/health');
    const targets = (probe?.body as { targets: { name: string; url: string }[] }).targets;
    expect(targets.find((t) => t.name === 'gateway')?.url).toBe(server.url);
    expect(targets).toHaveLength(14);

    fireEvent.click(screen.getByTestId('health-refresh'));
    await waitFor(() => expect(within(grafana).getByTestId('health-sparkline').getAttribute('data-count')).toBe('2'));
  });

  it('says in words when Prometheus and Alertmanager do not answer', async () => {
    server.route('POST', '/api/v1/admin/health', () => envelope(sweep));
    server.route('GET', '/api/v1/admin/monitoring/figures', () =>
      envelope({ ...figures, status: 'down', message: 'connection refused on 127.0.0.1:8802', figures: [] }),
    );
    server.route('GET', '/api/v1/admin/monitoring/alerts', () =>
      envelope({ ...alerts, status: 'down', message: 'timed out after 3 s', alerts: [] }),
    );
    renderAdmin('admin');
    expect((await screen.findByTestId('figures-unreachable')).textContent).toContain(
      'Prometheus does not answer: connection refused on 127.0.0.1:8802',
    );
    expect(screen.getByTestId('alerts-unreachable').textContent).toContain(
      'Alertmanager does not answer: timed out after 3 s',
    );
  });

  it('is not there for someone who is not an admin, and asks the server nothing', async () => {
    renderAdmin('user');
    expect(screen.getByTestId('admin-forbidden')).toBeTruthy();
    expect(screen.queryByTestId('admin-page')).toBeNull();
    expect(server.requests).toEqual([]);
  });
});
