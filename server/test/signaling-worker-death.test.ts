import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '@meetai/shared';
import { waitFor } from './media-helpers';
import { hostedMeeting, metric, participant, startSignalingServer, type SignalingServer } from './signaling-helpers';

async function mediaHealth(server: SignalingServer) {
  const response = await server.app.inject({ method: 'GET', url: '/health' });
  return (response.json() as HealthReport).checks.media!;
}

/** The worker pids the media health check reports. */
async function workerPids(server: SignalingServer): Promise<number[]> {
  const match = /\(pid ([\d, ]+)\)/.exec((await mediaHealth(server)).message ?? '');
  return match ? match[1]!.split(', ').map(Number) : [];
}

describe('signaling: a mediasoup worker dies mid-meeting', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(48800);
  });
  afterAll(() => server.close());

  it('a new worker replaces it, the room is re-created, clients are told and rejoin with media flowing again', async () => {
    const { meeting, host } = await hostedMeeting(server, 'deathhost');
    await host.peer.produceMic();
    await host.peer.produceWebcam();
    const guest = await participant(server, meeting, 'deathguest');
    await guest.peer.produceMic();
    await guest.peer.waitForConsumers(host.peerId, 2);
    await host.peer.waitForConsumers(guest.peerId, 1);

    const [victim] = await workerPids(server);
    expect(victim).toBeGreaterThan(0);
    process.kill(victim!, 'SIGKILL');

    for (const p of [host, guest]) await p.client.waitForNotice('roomRestarted');
    // Until they rejoin, media requests are refused as out of order.
    expect(await guest.client.refused('sendChat', { text: 'hello?' })).toMatchObject({ code: 'NOT_JOINED' });

    const hostAgain = await host.peer.rejoin(host.client, 'deathhost');
    const guestAgain = await guest.peer.rejoin(guest.client, 'deathguest');
    expect(hostAgain.resumed).toBe(true);
    expect(guestAgain.resumed).toBe(true);
    expect(guestAgain.peers.map((p) => p.peerId)).toEqual([host.peerId]);
    await host.peer.produceMic();
    await host.peer.produceWebcam();
    await guest.peer.produceMic();
    await guest.peer.waitForConsumers(host.peerId, 2);
    await host.peer.waitForConsumers(guest.peerId, 1);

    // Nobody left, nobody was announced twice.
    expect(host.client.seen('peerLeft')).toEqual([]);
    expect(host.client.seen('peerJoined')).toHaveLength(1);
    const [replacement] = await workerPids(server);
    expect(replacement).not.toBe(victim);
    expect((await mediaHealth(server)).status).toBe('ok');
    expect(await metric(server, 'meetai_media_worker_deaths_total')).toBe(1);
    expect(await metric(server, 'meetai_media_room_restarts_total')).toBe(1);
    await waitFor(
      async () => (await metric(server, 'meetai_media_consumers')) === 3,
      'three consumers on the new router',
    );
    for (const p of [host, guest]) {
      expect(p.client.contractViolations).toEqual([]);
      expect(p.peer.problems).toEqual([]);
      p.client.close();
    }
  });
});
