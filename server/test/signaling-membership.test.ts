import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Participant as ParticipantDto } from '@meetai/shared';
import { PASSWORD, body, call, login, register, uniqueName, type Session } from './helpers/api';
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

describe('signaling: membership the server enforces', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(45000);
  });
  afterAll(() => server.close());

  const restJoin = (meeting: Meeting, session: Session) =>
    call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, {}, session.token);
  const roster = (meeting: Meeting, session: Session) =>
    call(server.app, 'GET', `/api/v1/meetings/${meeting.id}/participants`, undefined, session.token);

  /** A second device of the same account: its own socket and peer in the room. */
  async function secondDevice(meeting: Meeting, first: Participant): Promise<Participant> {
    const ticket = await ticketFor(server, first.session, meeting.id);
    const client = await connect(server, ticket);
    const peer = new FakePeer(client);
    await peer.join(first.name);
    return { ...first, client, peer, peerId: ticket.peer_id };
  }

  it('a removed participant cannot come back: REST join and tickets answer REMOVED_FROM_MEETING', async () => {
    const { meeting, host } = await hostedMeeting(server, 'rmhost');
    const guest = await participant(server, meeting, 'rmguest');
    await host.client.ok('removeParticipant', { peerId: guest.peerId });
    expect((await guest.client.closed).code).toBe(4403);

    const rejoin = await restJoin(meeting, guest.session);
    expect(rejoin.statusCode).toBe(403);
    expect(body(rejoin).error).toBe('REMOVED_FROM_MEETING');
    const ticket = await requestTicket(server, guest.session, meeting.id);
    expect(ticket.statusCode).toBe(403);
    expect(body(ticket).error).toBe('REMOVED_FROM_MEETING');
    // The meeting is not locked: someone else still gets in.
    expect((await restJoin(meeting, await newSession('rmother'))).statusCode).toBe(200);
    host.client.close();
  });

  it("removing someone ends every peer of theirs, a second device's too", async () => {
    const { meeting, host } = await hostedMeeting(server, 'twohost');
    const laptop = await participant(server, meeting, 'twoguest');
    const phone = await secondDevice(meeting, laptop);
    await host.client.ok('removeParticipant', { peerId: laptop.peerId });
    for (const device of [laptop, phone]) {
      expect((await device.client.waitForNotice('kicked')).reason).toMatch(/host/);
      expect((await device.client.closed).code).toBe(4403);
    }
    for (const device of [laptop, phone])
      await host.client.waitForNotice('peerLeft', (n) => n.peerId === device.peerId);
    host.client.close();
  });

  it('a ticket fetched before the removal no longer opens a session', async () => {
    const { meeting, host } = await hostedMeeting(server, 'oldticket');
    const guest = await participant(server, meeting, 'oldguest');
    const spare = await ticketFor(server, guest.session, meeting.id);
    await host.client.ok('removeParticipant', { peerId: guest.peerId });
    await guest.client.closed;

    const late = await connect(server, spare);
    expect((await late.closed).code).toBe(4403);
    expect(host.client.seen('peerJoined').filter((n) => n.peer.userId === guest.session.user.id)).toHaveLength(1);
    host.client.close();
  });

  it('membership is checked when the socket attaches: a ticket kept past a REST leave is refused', async () => {
    const { meeting, host } = await hostedMeeting(server, 'lefthost');
    const session = await newSession('leaver');
    await joinByRest(server, session, meeting.id);
    const ticket = await ticketFor(server, session, meeting.id);
    const left = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/leave`, undefined, session.token);
    expect(left.statusCode).toBe(200);
    const client = await connect(server, ticket);
    expect((await client.closed).code).toBe(4401);
    host.client.close();
  });

  it('former participants no longer read the roster; those present and the host do', async () => {
    const { meeting, host } = await hostedMeeting(server, 'rosterhost');
    const present = await newSession('present');
    const former = await newSession('former');
    await joinByRest(server, present, meeting.id);
    await joinByRest(server, former, meeting.id);
    await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/leave`, undefined, former.token);

    const refused = await roster(meeting, former);
    expect(refused.statusCode).toBe(403);
    expect(body(refused).error).toBe('NOT_A_PARTICIPANT');
    for (const reader of [present, host.session]) {
      const list = body<ParticipantDto[]>(await roster(meeting, reader)).data;
      expect(list.map((p) => p.user_id)).toContain(former.user.id);
    }
    host.client.close();
  });

  it("the name others see is the account's, whatever the client sends at join", async () => {
    const { meeting, host } = await hostedMeeting(server, 'namehost');
    const session = await newSession('named', 'Grace Hopper');
    const guest = await participant(server, meeting, 'The Host (official)', { session });
    const seen = await host.client.waitForNotice('peerJoined', (n) => n.peer.userId === session.user.id);
    expect(seen.peer.displayName).toBe('Grace Hopper');
    const { message } = await guest.client.ok('sendChat', { text: 'hello' });
    expect(message.displayName).toBe('Grace Hopper');
    host.client.close();
    guest.client.close();
  });

  /** Registers with a nickname and signs in. */
  async function newSession(prefix: string, nickname?: string): Promise<Session> {
    const user = await register(server.app, { username: uniqueName(prefix), ...(nickname ? { nickname } : {}) });
    return login(server.app, user.username, PASSWORD);
  }
});

describe("signaling: the host's mute holds", () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(45200);
  });
  afterAll(() => server.close());

  async function mutedTalker(allowSelfUnmute: boolean) {
    const { meeting, host } = await hostedMeeting(server, 'holdhost');
    if (!allowSelfUnmute) {
      const update = await call(
        server.app,
        'PUT',
        `/api/v1/meetings/${meeting.id}`,
        { allow_self_unmute: false },
        host.session.token,
      );
      expect(body<Meeting>(update).data.allow_self_unmute).toBe(false);
    }
    const talker = await participant(server, meeting, 'talker');
    const mic = await talker.peer.produceMic();
    await host.client.ok('muteParticipant', { peerId: talker.peerId });
    await talker.client.waitForNotice('muteRequested');
    return { meeting, host, talker, mic };
  }

  it('a participant cannot unmute with resumeProducer, a new microphone or their state until the host allows it', async () => {
    const { host, talker, mic } = await mutedTalker(false);
    expect(await talker.client.refused('resumeProducer', { producerId: mic.id })).toMatchObject({
      code: 'MUTED_BY_HOST',
    });
    expect(await talker.client.refused('updatePeerState', { isMuted: false })).toMatchObject({ code: 'MUTED_BY_HOST' });
    await talker.client.ok('closeProducer', { producerId: mic.id });
    await expect(talker.peer.produceMic()).rejects.toThrow(/MUTED_BY_HOST/);
    // Their webcam and their own pause are not affected.
    await talker.peer.produceWebcam();
    expect(host.client.seen('producerResumed')).toEqual([]);

    await host.client.ok('allowUnmute', { peerId: talker.peerId });
    const again = await talker.peer.produceMic();
    const consumer = await host.client.waitForNotice('newConsumer', (n) => n.producerId === again.id);
    expect(consumer.producerPaused).toBe(false);
    expect((await talker.client.ok('updatePeerState', { isMuted: false })).state.isMuted).toBe(false);
    host.client.close();
    talker.client.close();
  });

  it('the hold outlives a new connection of the same participant', async () => {
    const { meeting, host, talker } = await mutedTalker(false);
    talker.client.close();
    await talker.client.closed;
    const ticket = await ticketFor(server, talker.session, meeting.id);
    const client = await connect(server, ticket);
    const peer = new FakePeer(client);
    await peer.join('talker');
    await expect(peer.produceMic()).rejects.toThrow(/MUTED_BY_HOST/);
    host.client.close();
    client.close();
  });

  it('when the meeting allows self-unmute, the participant unmutes on their own', async () => {
    const { host, talker, mic } = await mutedTalker(true);
    await talker.client.ok('resumeProducer', { producerId: mic.id });
    expect(await host.client.waitForNotice('producerResumed')).toMatchObject({ peerId: talker.peerId, source: 'mic' });
    host.client.close();
    talker.client.close();
  });

  it('only the host may allow unmuting', async () => {
    const { meeting, host } = await hostedMeeting(server, 'allowhost');
    const guest = await participant(server, meeting, 'allowguest');
    expect(await guest.client.refused('allowUnmute', { peerId: host.peerId })).toMatchObject({ code: 'NOT_HOST' });
    host.client.close();
    guest.client.close();
  });
});
