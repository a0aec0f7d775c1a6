import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@meetai/shared';
import { body, call, signUp, type Session } from './helpers/api';
import { FakePeer } from './signaling-fake-peer';
import {
  connect,
  hostedMeeting,
  joinByRest,
  sleep,
  startSignalingServer,
  type SignalingServer,
} from './signaling-helpers';

/**
 * A fast first join: the lobby opens the signaling socket while the person
 * looks at their preview (router capabilities, device, transports), before the
 * REST join, so the click only has to join. Such a socket can prepare but not
 * enter the room until the REST join (passcode, lock, removal) has let them in.
 */
describe('signaling: a connection prepared in the lobby', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(46400);
  });
  afterAll(() => server.close());

  const lobbyTicket = (session: Session, meetingId: number) =>
    call(server.app, 'POST', `/api/v1/meetings/${meetingId}/ticket`, { lobby: true }, session.token);

  it('prepares before the REST join, is refused `join` until then, and joins on the same socket after', async () => {
    const { meeting, host } = await hostedMeeting(server, 'lbhost');
    await host.peer.produceWebcam();
    const guest = await signUp(server.app, 'lbguest');
    // Without `lobby` the rule is unchanged: join first.
    const plain = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/ticket`, {}, guest.token);
    expect(body(plain).error).toBe('NOT_A_PARTICIPANT');

    const issued = await lobbyTicket(guest, meeting.id);
    expect(issued.statusCode).toBe(200);
    const client = await connect(server, body<Ticket>(issued).data);
    const peer = new FakePeer(client);
    const { rtpCapabilities } = await client.ok('getRouterRtpCapabilities', {});
    expect(rtpCapabilities).toHaveProperty('codecs');
    const early = await client.refused('join', { displayName: 'lbguest', rtpCapabilities: {} });
    expect(early.code).toBe('NOT_A_PARTICIPANT');
    // Nobody in the room saw anything of it.
    expect(host.peer.problems).toEqual([]);

    await joinByRest(server, guest, meeting.id);
    const joined = await peer.join('lbguest');
    expect(joined.peers.map((p) => p.peerId)).toEqual([host.peerId]);
    // The display name is the account's, read when it joined, not the lobby's placeholder.
    expect(joined.self.displayName).toBe(guest.user.nickname);
    await peer.waitForConsumers(host.peerId, 1);
    client.close();
    host.client.close();
  });

  it("someone joining gets the others' video before their audio (a face is what they wait for)", async () => {
    const { meeting, host } = await hostedMeeting(server, 'lbvideo');
    await host.peer.produceMic();
    await host.peer.produceWebcam();
    const guest = await signUp(server.app, 'lbvideoguest');
    await joinByRest(server, guest, meeting.id);
    const client = await connect(server, body<Ticket>(await lobbyTicket(guest, meeting.id)).data);
    const peer = new FakePeer(client);
    await peer.join('lbvideoguest');
    await peer.waitForConsumers(host.peerId, 2);
    const kinds = client.notices
      .filter((notice) => notice.type === 'newConsumer')
      .map((notice) => (notice.data as { kind: string }).kind);
    expect(kinds).toEqual(['video', 'audio']);
    client.close();
    host.client.close();
  });

  it('a lobby socket that leaves without joining is gone without a trace: nobody sees a peer come or go', async () => {
    const { meeting, host } = await hostedMeeting(server, 'lbquiet');
    const guest = await signUp(server.app, 'lbquietguest');
    const client = await connect(server, body<Ticket>(await lobbyTicket(guest, meeting.id)).data);
    await client.ok('getRouterRtpCapabilities', {});
    client.close();
    await client.closed;
    await sleep(300);
    expect(host.client.notices.filter((n) => n.type === 'peerJoined' || n.type === 'peerLeft')).toEqual([]);
    // And the meeting still has its host alone: the REST roster never listed the guest.
    const roster = await call(
      server.app,
      'GET',
      `/api/v1/meetings/${meeting.id}/participants`,
      undefined,
      host.session.token,
    );
    expect(body<{ user_id: number }[]>(roster).data.map((p) => p.user_id)).toEqual([host.session.user.id]);
    host.client.close();
  });

  it('is refused to someone the host removed, and to an ended meeting', async () => {
    const { meeting, host } = await hostedMeeting(server, 'lbrm');
    const guest = await signUp(server.app, 'lbrmguest');
    await joinByRest(server, guest, meeting.id);
    const ticket = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/ticket`, {}, guest.token);
    const guestClient = await connect(server, body<Ticket>(ticket).data);
    await new FakePeer(guestClient).join('lbrmguest');
    await host.client.ok('removeParticipant', { peerId: body<Ticket>(ticket).data.peer_id });
    expect(body(await lobbyTicket(guest, meeting.id)).error).toBe('REMOVED_FROM_MEETING');

    await host.client.ok('endMeeting', {});
    const other = await signUp(server.app, 'lblate');
    expect(body(await lobbyTicket(other, meeting.id)).error).toBe('MEETING_ENDED');
  });
});
