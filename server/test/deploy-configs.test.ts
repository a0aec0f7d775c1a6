import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_QUERIES } from '@meetai/shared';
import { REPO_ROOT } from './helpers/server-process';
import { startSignalingServer, type SignalingServer } from './signaling-helpers';

/**
 * deploy/ is read by other programs: Prometheus's and Alertmanager's own
 * checkers validate it (Debian's prometheus package brings promtool and
 * amtool), promtool's rule tests prove each alert fires when it should, and
 * every metric a rule, the Grafana dashboard or admin mode's figures ask for
 * must exist on a real server's /metrics (a renamed metric fails here, not
 * silently on a dashboard).
 */
const deploy = (file: string) => path.join(REPO_ROOT, 'deploy', file);
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', stdio: 'pipe' });

describe('deploy/ configs', () => {
  it('pass promtool and amtool, and the alert rules fire as their tests say', () => {
    expect(run('promtool', ['check', 'config', deploy('prometheus/prometheus.yml')])).toMatch(/SUCCESS/);
    expect(run('promtool', ['check', 'config', '--syntax-only', deploy('compose/prometheus.yml')])).toMatch(/SUCCESS/);
    expect(run('promtool', ['test', 'rules', deploy('prometheus/alerts.test.yml')])).toMatch(/SUCCESS/);
    expect(run('amtool', ['check-config', deploy('alertmanager/alertmanager.yml')])).toMatch(/SUCCESS/);
  });

  it('points the dashboard at the data sources Grafana is given', () => {
    const provisioned = readFileSync(deploy('grafana/provisioning/datasources/meetai.yml'), 'utf8');
    const dashboard = JSON.parse(readFileSync(deploy('grafana/dashboards/meetai-system.json'), 'utf8')) as {
      panels: { datasource: { uid: string } }[];
    };
    const uids = new Set(dashboard.panels.map((p) => p.datasource.uid));
    expect([...uids].sort()).toEqual(['meetai-loki', 'meetai-prometheus']);
    for (const uid of uids) expect(provisioned).toContain(`uid: ${uid}`);
  });

  describe('asks only for metrics the server has', () => {
    let server: SignalingServer;
    beforeAll(async () => {
      server = await startSignalingServer(49800, { AI_ASR_ENGINE: 'pocketsphinx', AI_POCKETSPHINX_DECODERS: '1' });
    });
    afterAll(() => server.close());

    it('in the alert rules, the dashboard and the figures', async () => {
      const exposed = (await server.app.inject({ method: 'GET', url: '/metrics' })).body;
      const families = new Set([...exposed.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
      const sources = {
        'alerts.yml': readFileSync(deploy('prometheus/alerts.yml'), 'utf8'),
        dashboard: readFileSync(deploy('grafana/dashboards/meetai-system.json'), 'utf8'),
        figures: FIGURE_QUERIES.map((f) => f.query).join('\n'),
      };
      for (const [source, text] of Object.entries(sources)) {
        const names = new Set([...text.matchAll(/\b((?:meetai|http)_[a-z_]+)/g)].map((m) => m[1] as string));
        expect(names.size, source).toBeGreaterThan(0);
        for (const name of names) {
          const family = name.replace(/_(bucket|sum|count)$/, '');
          expect([source, name, families.has(family)]).toEqual([source, name, true]);
        }
      }
    });
  });
});
