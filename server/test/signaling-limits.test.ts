import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '@meetai/shared';
import { body, call, createMeeting, signUp } from './helpers/api';
import { FakePeer } from './signaling-fake-peer';
import {
  connect,
  hostedMeeting,
  joinByRest,
  participant,
  requestTicket,
  startSignalingServer,
  ticketFor,
  type Participant,
  type SignalingServer,
} from './signaling-helpers';

describe('signaling: resource limits', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(45400, {
      MEETING_MAX_PEERS: '3',
      SIGNALING_MAX_SOCKETS_PER_USER: '2',
      SIGNALING_MAX_PRODUCERS_PER_PEER: '1',
      CHAT_RATE_LIMIT: '3/10s',
      CHAT_HISTORY_MAX: '5',
    });
  });
  afterAll(() => server.close());

  async function secondDevice(meeting: Meeting, first: Participant): Promise<Participant> {
    const ticket = await ticketFor(server, first.session, meeting.id);
    const client = await connect(server, ticket);
    const peer = new FakePeer(client);
    await peer.join(first.name);
    return { ...first, client, peer, peerId: ticket.peer_id };
  }

  it('a meeting holds so many people: the next REST join answers MEETING_FULL, the host still gets in', async () => {
    const hostSession = await signUp(server.app, 'fullhost');
    const meeting = await createMeeting(server.app, hostSession);
    const guests = [await signUp(server.app, 'g1'), await signUp(server.app, 'g2'), await signUp(server.app, 'g3')];
    for (const guest of guests.slice(0, 2)) await joinByRest(server, guest, meeting.id);
    await joinByRest(server, hostSession, meeting.id);
    const refused = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, {}, guests[2]?.token);
    expect(refused.statusCode).toBe(403);
    expect(body(refused).error).toBe('MEETING_FULL');
    // Someone leaving makes room.
    await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/leave`, undefined, guests[0]?.token);
    await joinByRest(server, guests[2]!, meeting.id);
  });

  it('a room holds so many connections: the next ticket answers MEETING_FULL and a ticket already held is refused', async () => {
    const { meeting, host } = await hostedMeeting(server, 'roomhost');
    const laptop = await participant(server, meeting, 'twodevices');
    const late = await signUp(server.app, 'late');
    await joinByRest(server, late, meeting.id);
    const early = await ticketFor(server, late, meeting.id);
    const phone = await secondDevice(meeting, laptop);

    const refused = await requestTicket(server, late, meeting.id);
    expect(refused.statusCode).toBe(403);
    expect(body(refused).error).toBe('MEETING_FULL');
    const client = await connect(server, early);
    expect((await client.closed).code).toBe(4401);
    for (const p of [host, laptop, phone]) p.client.close();
  });

  it('a user keeps so many connections open: the next ticket answers LIMIT_REACHED, a held one is refused', async () => {
    const session = await signUp(server.app, 'tabs');
    const meetings = [await createMeeting(server.app, session), await createMeeting(server.app, session)];
    for (const m of meetings) await joinByRest(server, session, m.id);
    const spare = await ticketFor(server, session, meetings[0]!.id);
    const open = [
      await connect(server, await ticketFor(server, session, meetings[0]!.id)),
      await connect(server, await ticketFor(server, session, meetings[1]!.id)),
    ];
    for (const client of open) await client.ok('getRouterRtpCapabilities', {});

    const refused = await requestTicket(server, session, meetings[1]!.id);
    expect(refused.statusCode).toBe(429);
    expect(body(refused).error).toBe('LIMIT_REACHED');
    const third = await connect(server, spare);
    expect((await third.closed).code).toBe(4401);
    // Closing one makes room again.
    open[0]?.close();
    await open[0]?.closed;
    const again = await connect(server, await ticketFor(server, session, meetings[0]!.id));
    await again.ok('getRouterRtpCapabilities', {});
    again.close();
    open[1]?.close();
  });

  it('a peer sends so many streams at once: the next produce answers LIMIT_REACHED', async () => {
    const { host } = await hostedMeeting(server, 'prodhost');
    await host.peer.produceMic();
    await expect(host.peer.produceWebcam()).rejects.toThrow(/LIMIT_REACHED/);
    host.client.close();
  });

  it('chat is limited per user, across their devices', async () => {
    const { meeting, host } = await hostedMeeting(server, 'chathost');
    const laptop = await participant(server, meeting, 'chatter');
    for (let i = 0; i < 3; i += 1) await laptop.client.ok('sendChat', { text: `message ${i}` });
    expect(await laptop.client.refused('sendChat', { text: 'one too many' })).toMatchObject({ code: 'RATE_LIMITED' });
    host.client.close();
    const phone = await secondDevice(meeting, laptop);
    expect(await phone.client.refused('sendChat', { text: 'from the phone' })).toMatchObject({ code: 'RATE_LIMITED' });
    laptop.client.close();
    phone.client.close();
  });

  it('a meeting keeps only its newest messages', async () => {
    const { meeting, host } = await hostedMeeting(server, 'histhost');
    const guest = await participant(server, meeting, 'histguest');
    for (const [who, texts] of [
      [host, ['h1', 'h2', 'h3']],
      [guest, ['g1', 'g2', 'g3']],
    ] as const) {
      for (const text of texts) await who.client.ok('sendChat', { text });
    }
    host.client.close();
    guest.client.close();
    const reader = await participant(server, meeting, 'reader', { isJoined: false });
    const joined = await reader.peer.join('reader');
    expect(joined.chatHistory.map((m) => m.text)).toEqual(['h2', 'h3', 'g1', 'g2', 'g3']);
    reader.client.close();
  });
});
