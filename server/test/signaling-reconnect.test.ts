import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant as ParticipantDto } from '@meetai/shared';
import { body, call } from './helpers/api';
import { SignalingTestClient } from './signaling-client';
import {
  connect,
  hostedMeeting,
  participant,
  sleep,
  startSignalingServer,
  ticketFor,
  type SignalingServer,
} from './signaling-helpers';

const GRACE_MS = 1_500;

async function isPresent(
  server: SignalingServer,
  token: string,
  meetingId: number,
  userId: number,
): Promise<boolean | undefined> {
  const list = body<ParticipantDto[]>(
    await call(server.app, 'GET', `/api/v1/meetings/${meetingId}/participants`, undefined, token),
  ).data;
  return list.find((p) => p.user_id === userId)?.is_present;
}

describe('signaling: dead sockets, the reconnection grace period and heartbeats', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(48400, {
      SIGNALING_RECONNECT_GRACE_MS: String(GRACE_MS),
      SIGNALING_HEARTBEAT_MS: '200',
    });
  });
  afterAll(() => server.close());

  it('a socket killed abruptly: its media closes at once, peerLeft only after the grace period, then marked left', async () => {
    const { meeting, host } = await hostedMeeting(server, 'gracehost');
    const gone = await participant(server, meeting, 'gone');
    await gone.peer.produceMic();
    await gone.peer.produceWebcam();
    await host.peer.waitForConsumers(gone.peerId, 2);

    gone.client.kill();
    // The others stop receiving its media right away...
    await host.client.waitForNotice('consumerClosed');
    await host.client.waitForNotice(
      'consumerClosed',
      (n) => n.consumerId !== host.client.seen('consumerClosed')[0]!.consumerId,
    );
    // ...but it has not left: it may come back.
    expect(host.client.seen('peerLeft')).toEqual([]);
    expect(await isPresent(server, host.session.token, meeting.id, gone.session.user.id)).toBe(true);

    expect(await host.client.waitForNotice('peerLeft', () => true, GRACE_MS * 4)).toEqual({ peerId: gone.peerId });
    expect(await isPresent(server, host.session.token, meeting.id, gone.session.user.id)).toBe(false);
    expect(host.client.contractViolations).toEqual([]);
    host.client.close();
  });

  it('reconnecting within the grace period resumes the same peer: resumed: true and nobody sees a leave', async () => {
    const { meeting, host } = await hostedMeeting(server, 'resumehost');
    await host.peer.produceMic();
    const roamer = await participant(server, meeting, 'roamer');
    await roamer.peer.produceMic();
    await host.peer.waitForConsumers(roamer.peerId, 1);
    await roamer.peer.waitForConsumers(host.peerId, 1);
    await roamer.client.ok('updatePeerState', { isHandRaised: true });

    roamer.client.kill();
    await host.client.waitForNotice('consumerClosed');

    const ticket = await ticketFor(server, roamer.session, meeting.id, roamer.peerId);
    expect(ticket.peer_id).toBe(roamer.peerId);
    const client = await connect(server, ticket);
    const joined = await roamer.peer.rejoin(client, 'roamer');
    expect(joined.resumed).toBe(true);
    expect(joined.self.peerId).toBe(roamer.peerId);
    expect(joined.self.state.isHandRaised).toBe(true);
    expect(joined.peers.map((p) => p.peerId)).toEqual([host.peerId]);

    // Media flows again both ways.
    await roamer.peer.waitForConsumers(host.peerId, 1);
    await roamer.peer.produceMic();
    await host.peer.waitForConsumers(roamer.peerId, 1);

    // Past the point where the grace period would have expired: still no leave, no second join.
    await sleep(GRACE_MS * 1.5);
    expect(host.client.seen('peerLeft')).toEqual([]);
    expect(host.client.seen('peerJoined')).toHaveLength(1);
    expect(await isPresent(server, host.session.token, meeting.id, roamer.session.user.id)).toBe(true);
    expect(client.contractViolations).toEqual([]);
    expect(roamer.peer.problems).toEqual([]);
    host.client.close();
    client.close();
  });

  it('a second socket resuming a live peer takes over; the first is closed with 4409', async () => {
    const { meeting, host } = await hostedMeeting(server, 'takeover');
    const twin = await participant(server, meeting, 'twin');
    const ticket = await ticketFor(server, twin.session, meeting.id, twin.peerId);
    const client = await connect(server, ticket);
    expect((await twin.client.closed).code).toBe(4409);
    const joined = await twin.peer.rejoin(client, 'twin');
    expect(joined.resumed).toBe(true);
    await sleep(GRACE_MS * 1.5);
    expect(host.client.seen('peerLeft')).toEqual([]);
    host.client.close();
    client.close();
  });

  it('a socket that stops answering pings is dropped by the heartbeat', async () => {
    const { meeting, host } = await hostedMeeting(server, 'beathost');
    const silent = await participant(server, meeting, 'silent', { isJoined: false });
    silent.client.close();
    const ticket = await ticketFor(server, silent.session, meeting.id);
    const mute = await SignalingTestClient.connect(`${server.wsBase}${ticket.ws_path}`, { autoPong: false });
    await mute.ok('join', { displayName: 'silent', rtpCapabilities: host.peer.device.rtpCapabilities });
    const closed = await mute.closed;
    expect(closed.code).toBe(1006);
    expect(await host.client.waitForNotice('peerLeft', (n) => n.peerId === ticket.peer_id, GRACE_MS * 4)).toBeTruthy();
    host.client.close();
  });
});
