import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, call, login, PASSWORD } from './helpers/api';
import { hostedMeeting, participant, sleep, startSignalingServer, type SignalingServer } from './signaling-helpers';

const GRACE_MS = 1500;

describe('signaling: an admin cuts a connection', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(49400, {
      ADMIN_USERNAME: 'opsadmin',
      ADMIN_PASSWORD: PASSWORD,
      SIGNALING_RECONNECT_GRACE_MS: String(GRACE_MS),
    });
  });
  afterAll(() => server.close());

  const disconnectUrl = (meetingId: number, peerId: string) =>
    `/api/v1/admin/meetings/${meetingId}/peers/${peerId}/disconnect`;

  it('drops the socket without a closing handshake; the others see its media go but no leave', async () => {
    const admin = await login(server.app, 'opsadmin');
    const { meeting, host } = await hostedMeeting(server, 'cuthost');
    const victim = await participant(server, meeting, 'victim');
    await victim.peer.produceMic();
    await host.peer.waitForConsumers(victim.peerId, 1);

    const response = await call(server.app, 'POST', disconnectUrl(meeting.id, victim.peerId), undefined, admin.token);
    expect(response.statusCode).toBe(200);
    expect((await victim.client.closed).code).toBe(1006);
    await host.client.waitForNotice('consumerClosed');
    await sleep(GRACE_MS / 2);
    expect(host.client.seen('peerLeft')).toEqual([]);
    host.client.close();
  });

  it('is refused to a non-admin (403) and answers 404 for a peer with no live socket', async () => {
    const admin = await login(server.app, 'opsadmin');
    const { meeting, host } = await hostedMeeting(server, 'plainhost');
    const refused = await call(
      server.app,
      'POST',
      disconnectUrl(meeting.id, host.peerId),
      undefined,
      host.session.token,
    );
    expect(refused.statusCode).toBe(403);
    expect(body(refused).error).toBe('FORBIDDEN');
    expect((await host.client.ok('updatePeerState', { isHandRaised: true })).state.isHandRaised).toBe(true);

    const missing = await call(server.app, 'POST', disconnectUrl(meeting.id, 'no-such-peer'), undefined, admin.token);
    expect(missing.statusCode).toBe(404);
    expect(body(missing).error).toBe('NOT_FOUND');
    host.client.close();
  });
});
