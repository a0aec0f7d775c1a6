import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SignalingCloseCodes,
  type AdminMeeting,
  type AdminUser,
  type AuditEntry,
  type HealthSweep,
} from '@meetai/shared';
import { body, call, login, PASSWORD, signUp, type Session } from './helpers/api';
import { hostedMeeting, participant, startSignalingServer, type SignalingServer } from './signaling-helpers';

type Page<T> = { list: T[]; total: number; page: number; total_pages: number };

/** A port nothing listens on (bound, then closed), so the monitoring targets are down the same way on every machine. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('admin mode on the server', () => {
  let server: SignalingServer;
  let admin: Session;
  let CLOSED = '';
  beforeAll(async () => {
    CLOSED = `http://127.0.0.1:${await closedPort()}`;
    server = await startSignalingServer(49600, {
      ADMIN_USERNAME: 'rootadmin',
      ADMIN_PASSWORD: PASSWORD,
      HEALTH_TARGETS: ['jaeger', 'prometheus', 'alertmanager', 'grafana', 'loki']
        .map((n) => `${n}=${CLOSED}`)
        .join(','),
    });
    admin = await login(server.app, 'rootadmin');
  });
  afterAll(() => server.close());

  const get = <T>(url: string, session: Session = admin) =>
    call(server.app, 'GET', url, undefined, session.token).then((r) => {
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return body<T>(r).data;
    });

  it('refuses every admin route to a signed-in non-admin (403) and to nobody (401)', async () => {
    const user = await signUp(server.app, 'plain');
    const routes: [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown][] = [
      ['GET', '/api/v1/admin/health'],
      ['POST', '/api/v1/admin/health', { targets: [{ name: 'loki', url: CLOSED }] }],
      ['GET', '/api/v1/admin/monitoring/figures'],
      ['GET', '/api/v1/admin/monitoring/alerts'],
      ['GET', '/api/v1/admin/users'],
      ['POST', `/api/v1/admin/users/${user.user.id}/ban`, { reason: 'x' }],
      ['POST', `/api/v1/admin/users/${user.user.id}/unban`],
      ['PUT', `/api/v1/admin/users/${user.user.id}/role`, { role: 'admin' }],
      ['DELETE', `/api/v1/admin/users/${admin.user.id}`],
      ['GET', '/api/v1/admin/meetings'],
      ['POST', '/api/v1/admin/meetings/1/end', {}],
      ['GET', '/api/v1/admin/audit'],
      ['POST', '/api/v1/admin/meetings/1/peers/p1/disconnect'],
    ];
    for (const [method, url, payload] of routes) {
      const refused = await call(server.app, method, url, payload, user.token);
      expect([method, url, refused.statusCode, body(refused).error]).toEqual([method, url, 403, 'FORBIDDEN']);
      const anonymous = await call(server.app, method, url, payload);
      expect([method, url, anonymous.statusCode]).toEqual([method, url, 401]);
    }
    // Nothing was done on their behalf: still a user, not banned, and the admin is still there.
    const [listed] = (await get<Page<AdminUser>>(`/api/v1/admin/users?q=${user.user.username}`)).list;
    expect(listed).toMatchObject({ role: 'user', banned_at: null });
    expect((await get<Page<AuditEntry>>('/api/v1/admin/audit')).total).toBe(0);
  });

  it('lists and searches users, with paging', async () => {
    for (const name of ['zed_alpha', 'zed_beta', 'zed_gamma']) await signUp(server.app, name);
    const page1 = await get<Page<AdminUser>>('/api/v1/admin/users?q=ZED_&page_size=2');
    expect(page1.total).toBe(3);
    expect(page1.total_pages).toBe(2);
    expect(page1.list).toHaveLength(2);
    const page2 = await get<Page<AdminUser>>('/api/v1/admin/users?q=zed_&page_size=2&page=2');
    expect(page2.list).toHaveLength(1);
    // LIKE wildcards typed into the search are literal.
    expect((await get<Page<AdminUser>>('/api/v1/admin/users?q=%25')).total).toBe(0);
  });

  it('a ban ends the user’s meeting and sessions at once; their login says why; unban lets them back', async () => {
    const { meeting, host } = await hostedMeeting(server, 'banhost');
    const victim = await participant(server, meeting, 'banned');
    const ban = await call(
      server.app,
      'POST',
      `/api/v1/admin/users/${victim.session.user.id}/ban`,
      { reason: 'Spam links in chat' },
      admin.token,
    );
    expect(ban.statusCode).toBe(200);
    expect(body<AdminUser>(ban).data).toMatchObject({ ban_reason: 'Spam links in chat' });

    const kicked = await victim.client.waitForNotice('kicked');
    expect(kicked.reason).toBe('An administrator suspended your account: Spam links in chat');
    expect((await victim.client.closed).code).toBe(SignalingCloseCodes.KICKED);
    await host.client.waitForNotice('peerLeft', (n) => n.peerId === victim.peerId);

    const withOldToken = await call(server.app, 'GET', '/api/v1/users/profile', undefined, victim.session.token);
    expect(withOldToken.statusCode).toBe(401);
    const refresh = await call(server.app, 'POST', '/api/v1/auth/refresh', {
      refresh_token: victim.session.refreshToken,
    });
    expect(refresh.statusCode).toBe(401);
    const relogin = await call(server.app, 'POST', '/api/v1/auth/login', {
      username: victim.session.user.username,
      password: PASSWORD,
    });
    expect(relogin.statusCode).toBe(403);
    expect(body(relogin)).toMatchObject({
      error: 'ACCOUNT_BANNED',
      details: [{ path: 'reason', message: 'Spam links in chat' }],
    });
    // A wrong password is still just wrong: the ban is told only to whoever knows the password.
    const guess = await call(server.app, 'POST', '/api/v1/auth/login', {
      username: victim.session.user.username,
      password: 'wrong-password-1',
    });
    expect(body(guess).error).toBe('INVALID_CREDENTIALS');
    const participants = await get<{ user_id: number; left_at: string | null }[]>(
      `/api/v1/meetings/${meeting.id}/participants`,
      host.session,
    );
    expect(participants.find((p) => p.user_id === victim.session.user.id)?.left_at).not.toBeNull();

    const unban = await call(
      server.app,
      'POST',
      `/api/v1/admin/users/${victim.session.user.id}/unban`,
      {},
      admin.token,
    );
    expect(body<AdminUser>(unban).data.banned_at).toBeNull();
    await login(server.app, victim.session.user.username);

    const audit = await get<Page<AuditEntry>>(`/api/v1/admin/audit?q=${victim.session.user.username}`);
    expect(audit.list.map((e) => [e.action, e.actor_name, e.detail])).toEqual([
      ['user.unban', 'rootadmin', null],
      ['user.ban', 'rootadmin', 'Spam links in chat'],
    ]);
    host.client.close();
  });

  it('grant and revoke admin take effect on the next admin request, whatever the token says', async () => {
    const helper = await signUp(server.app, 'helper');
    await call(server.app, 'PUT', `/api/v1/admin/users/${helper.user.id}/role`, { role: 'admin' }, admin.token);
    const promoted = await login(server.app, helper.user.username);
    expect((await call(server.app, 'GET', '/api/v1/admin/users', undefined, promoted.token)).statusCode).toBe(200);
    await call(server.app, 'PUT', `/api/v1/admin/users/${helper.user.id}/role`, { role: 'user' }, admin.token);
    const demoted = await call(server.app, 'GET', '/api/v1/admin/users', undefined, promoted.token);
    expect(demoted.statusCode).toBe(403);
    // An admin cannot lock themselves out.
    const self = await call(
      server.app,
      'PUT',
      `/api/v1/admin/users/${admin.user.id}/role`,
      { role: 'user' },
      admin.token,
    );
    expect(self.statusCode).toBe(403);
    const actions = (await get<Page<AuditEntry>>(`/api/v1/admin/audit?q=${helper.user.username}`)).list;
    expect(actions.map((e) => e.action)).toEqual(['user.revoke_admin', 'user.grant_admin']);
  });

  it('lists ongoing meetings with who is there, and force-ending one sends everyone home with the message', async () => {
    const { meeting, host } = await hostedMeeting(server, 'endhost');
    const guest = await participant(server, meeting, 'endguest');
    const listed = await get<Page<AdminMeeting>>(`/api/v1/admin/meetings?q=${meeting.code}`);
    expect(listed.list).toHaveLength(1);
    expect(listed.list[0]?.participants.map((p) => [p.username, p.role, p.is_connected]).sort()).toEqual(
      [
        [host.session.user.username, 'host', true],
        [guest.session.user.username, 'participant', true],
      ].sort(),
    );

    const end = await call(
      server.app,
      'POST',
      `/api/v1/admin/meetings/${meeting.id}/end`,
      { message: 'Maintenance: back at 10:00' },
      admin.token,
    );
    expect(end.statusCode).toBe(200);
    for (const person of [host, guest]) {
      expect(await person.client.waitForNotice('meetingEnded')).toEqual({
        reason: 'admin-ended',
        message: 'Maintenance: back at 10:00',
      });
      expect((await person.client.closed).code).toBe(SignalingCloseCodes.MEETING_ENDED);
    }
    const after = await get<{ status: string }>(`/api/v1/meetings/${meeting.id}`, host.session);
    expect(after.status).toBe('ended');
    expect((await get<Page<AdminMeeting>>(`/api/v1/admin/meetings?q=${meeting.code}`)).total).toBe(0);
    const again = await call(server.app, 'POST', `/api/v1/admin/meetings/${meeting.id}/end`, {}, admin.token);
    expect(body(again).error).toBe('MEETING_ENDED');
    const [entry] = (await get<Page<AuditEntry>>(`/api/v1/admin/audit?q=${meeting.code}`)).list;
    expect(entry).toMatchObject({ action: 'meeting.force_end', detail: 'Maintenance: back at 10:00 (2 present)' });
  });

  it('deleting a user ends the meetings they host and refuses their token at once', async () => {
    const { meeting, host } = await hostedMeeting(server, 'gonehost');
    const guest = await participant(server, meeting, 'goneguest');
    const removed = await call(
      server.app,
      'DELETE',
      `/api/v1/admin/users/${host.session.user.id}`,
      undefined,
      admin.token,
    );
    expect(removed.statusCode).toBe(200);
    expect((await host.client.waitForNotice('kicked')).reason).toBe('An administrator deleted your account.');
    expect((await guest.client.waitForNotice('meetingEnded')).reason).toBe('ended');
    const profile = await call(server.app, 'GET', '/api/v1/users/profile', undefined, host.session.token);
    expect(profile.statusCode).toBe(401);
    const relogin = await call(server.app, 'POST', '/api/v1/auth/login', {
      username: host.session.user.username,
      password: PASSWORD,
    });
    expect(body(relogin).error).toBe('INVALID_CREDENTIALS');
    const self = await call(server.app, 'DELETE', `/api/v1/admin/users/${admin.user.id}`, undefined, admin.token);
    expect(self.statusCode).toBe(403);
  });

  it('probes the system: the gateway and its modules up, the monitoring stack down with reasons', async () => {
    const sweep = await get<HealthSweep>('/api/v1/admin/health');
    const byName = Object.fromEntries(sweep.targets.map((t) => [t.name, t]));
    expect(byName.gateway?.status).not.toBe('down');
    for (const name of ['user', 'meeting', 'signaling', 'media'] as const) {
      expect([name, byName[name]?.status]).toEqual([name, 'up']);
    }
    for (const name of ['jaeger', 'prometheus', 'alertmanager', 'grafana', 'loki'] as const) {
      expect([name, byName[name]?.status, byName[name]?.message]).toEqual([
        name,
        'down',
        `connection refused on ${CLOSED.slice('http://'.length)}`,
      ]);
    }
    expect(byName.traces).toMatchObject({ status: 'down', message: expect.stringMatching(/^off: /) });
    expect(byName.logs).toMatchObject({ status: 'down', message: expect.stringMatching(/^off: /) });
    expect(sweep.monitoring_status).toBe('down');

    const figures = await get<{ status: string; message: string }>('/api/v1/admin/monitoring/figures');
    expect(figures).toMatchObject({ status: 'down', message: `connection refused on ${CLOSED.slice(7)}` });
    const alerts = await get<{ status: string }>('/api/v1/admin/monitoring/alerts');
    expect(alerts.status).toBe('down');

    const refused = await call(
      server.app,
      'POST',
      '/api/v1/admin/health',
      { targets: [{ name: 'loki', url: 'file:///etc/passwd' }] },
      admin.token,
    );
    expect(refused.statusCode).toBe(400);
  });

  it('audits an operator cutting a connection', async () => {
    const { meeting, host } = await hostedMeeting(server, 'cuthost2');
    const response = await call(
      server.app,
      'POST',
      `/api/v1/admin/meetings/${meeting.id}/peers/${host.peerId}/disconnect`,
      undefined,
      admin.token,
    );
    expect(response.statusCode).toBe(200);
    const [entry] = (await get<Page<AuditEntry>>('/api/v1/admin/audit?q=peer.disconnect')).list;
    expect(entry).toMatchObject({ action: 'peer.disconnect', target_id: meeting.id });
  });

  it('exposes the live system in /metrics: rooms, peers, streams by kind, worker CPU and memory, signaling requests', async () => {
    const { meeting, host } = await hostedMeeting(server, 'metricshost');
    const guest = await participant(server, meeting, 'metricsguest');
    await host.peer.produceMic();
    await guest.peer.waitForConsumers(host.peerId, 1);
    expect((await host.client.refused('produce', {})).code).toBe('VALIDATION_FAILED');
    expect((await host.client.refused('noSuchMethod', {})).code).toBe('UNKNOWN_METHOD');

    const text = (await server.app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.split(' ')[1]);
    };
    expect(value('meetai_meetings_live')).toBeGreaterThanOrEqual(1);
    expect(value('meetai_signaling_peers')).toBeGreaterThanOrEqual(2);
    expect(value('meetai_media_producers_by_kind{kind="audio"}')).toBeGreaterThanOrEqual(1);
    expect(value('meetai_media_consumers_by_kind{kind="audio"}')).toBeGreaterThanOrEqual(1);
    expect(value('meetai_media_consumers_by_kind{kind="video"}')).toBe(0);
    const cpu = text.split('\n').find((l) => l.startsWith('meetai_media_worker_cpu_seconds_total{pid="'));
    expect(Number(cpu?.split(' ')[1])).toBeGreaterThan(0);
    const rss = text.split('\n').find((l) => l.startsWith('meetai_media_worker_max_rss_bytes{pid="'));
    expect(Number(rss?.split(' ')[1])).toBeGreaterThan(1024 * 1024);
    expect(value('meetai_signaling_messages_total{method="join"}')).toBeGreaterThanOrEqual(2);
    expect(value('meetai_signaling_messages_total{method="unknown"}')).toBeGreaterThanOrEqual(1);
    expect(value('meetai_signaling_errors_total{code="VALIDATION_FAILED"}')).toBeGreaterThanOrEqual(1);
    expect(value('meetai_signaling_errors_total{code="UNKNOWN_METHOD"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{.*route="\/api\/v1\/admin\/users".*\} \d+$/m);
    host.client.close();
    guest.client.close();
  });
});
