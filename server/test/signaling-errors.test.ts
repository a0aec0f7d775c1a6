import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNALING_MAX_MESSAGE_BYTES, SignalingCloseCodes, type Meeting } from '@meetai/shared';
import { body, createMeeting, signUp } from './helpers/api';
import { SignalingTestClient } from './signaling-client';
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
import { waitFor } from './media-helpers';

describe('signaling: bad messages and bad tickets are refused, and nobody else notices', () => {
  let server: SignalingServer;
  let meeting: Meeting;
  let host: Participant;
  let bystander: Participant;

  beforeAll(async () => {
    server = await startSignalingServer(48200);
    ({ meeting, host } = await hostedMeeting(server, 'errhost'));
    await host.peer.produceMic();
    bystander = await participant(server, meeting, 'bystander');
    await bystander.peer.waitForConsumers(host.peerId, 1);
  });
  afterAll(() => server.close());

  /** The bystander's session still works and saw nothing but normal traffic. */
  async function bystanderUntouched() {
    const { state } = await bystander.client.ok('updatePeerState', { isCameraOff: true });
    expect(state.isCameraOff).toBe(true);
    expect(bystander.client.orphanErrors).toEqual([]);
    expect(bystander.client.contractViolations).toEqual([]);
    expect(bystander.peer.problems).toEqual([]);
    expect(bystander.client.seen('peerLeft')).toEqual([]);
  }

  it('answers broken frames with stable codes and keeps the socket open', async () => {
    const bad = await participant(server, meeting, 'bad', { isJoined: false });
    const c = bad.client;

    c.send('this is not json');
    c.send(JSON.stringify({ method: 'join' }));
    c.send(JSON.stringify({ id: 'seven', method: 'join', data: {} }));
    c.send(Buffer.from([1, 2, 3]));
    c.send(
      JSON.stringify({
        id: 99,
        method: 'getRouterRtpCapabilities',
        data: { x: 'y'.repeat(SIGNALING_MAX_MESSAGE_BYTES) },
      }),
    );
    await waitFor(() => c.orphanErrors.length === 5, 'five error replies');
    expect(c.orphanErrors.map((e) => e.error.code)).toEqual([
      'MALFORMED_JSON',
      'BAD_MESSAGE',
      'BAD_MESSAGE',
      'BAD_MESSAGE',
      'MESSAGE_TOO_LARGE',
    ]);
    for (const e of c.orphanErrors) expect(e.error.message.length).toBeGreaterThan(10);

    // A frame with a usable id gets its error under that id.
    const extra = await c.sendFrame({ method: 'join', data: {}, extra: true });
    expect(extra.ok ? null : extra.error.code).toBe('BAD_MESSAGE');
    expect(await c.refused('dance', {})).toMatchObject({ code: 'UNKNOWN_METHOD' });
    expect(await c.refused('createWebRtcTransport', { direction: 'sideways' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await c.refused('join', { displayName: 42, rtpCapabilities: {} })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await c.refused('sendChat', { text: '   ' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    // Out of order: media and chat need `join` first.
    expect(
      await c.refused('produce', { transportId: 'x', kind: 'audio', rtpParameters: { codecs: [] }, source: 'mic' }),
    ).toMatchObject({ code: 'NOT_JOINED' });
    expect(await c.refused('sendChat', { text: 'hi' })).toMatchObject({ code: 'NOT_JOINED' });
    expect(await c.refused('muteParticipant', { peerId: host.peerId })).toMatchObject({ code: 'NOT_JOINED' });
    expect(
      await c.refused('connectTransport', {
        transportId: 'nope',
        dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    await bad.peer.join('bad');
    expect(
      await c.refused('join', { displayName: 'again', rtpCapabilities: bad.peer.device.rtpCapabilities }),
    ).toMatchObject({ code: 'ALREADY_JOINED' });
    // A producer mediasoup cannot accept: its error becomes MEDIA_ERROR.
    const refusal = await c.refused('produce', {
      transportId: bad.peer.sendTransport!.id,
      kind: 'audio',
      source: 'mic',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/nonsense', payloadType: 100, clockRate: 48000 }],
        encodings: [{ ssrc: 1 }],
      },
    });
    expect(refusal.code).toBe('MEDIA_ERROR');
    expect(
      await c.refused('produce', {
        transportId: bad.peer.recvTransport!.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: { codecs: [] },
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await c.refused('resumeConsumer', { consumerId: 'not-a-consumer' })).toMatchObject({ code: 'NOT_FOUND' });

    // Still a working session after all that.
    expect((await c.ok('updatePeerState', { isMuted: true })).state.isMuted).toBe(true);
    expect(c.contractViolations).toEqual([]);
    await bystanderUntouched();
    c.close();
  });

  it('rate-limits a flood on one socket without touching the others', async () => {
    const flooder = await participant(server, meeting, 'flooder');
    const replies = await Promise.all(
      Array.from({ length: 400 }, () => flooder.client.request('updatePeerState', { isHandRaised: true })),
    );
    const limited = replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThan(0);
    await bystanderUntouched();
    flooder.client.close();
  });

  it('refuses missing, unknown and reused tickets with close code 4401', async () => {
    const missing = await SignalingTestClient.connect(`${server.wsBase}/ws/signaling`);
    expect(await missing.closed).toMatchObject({ code: SignalingCloseCodes.TICKET_INVALID });
    const unknown = await SignalingTestClient.connect(`${server.wsBase}/ws/signaling?ticket=forged`);
    const closed = await unknown.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/ticket/i);

    const session = await signUp(server.app, 'reuser');
    await joinByRest(server, session, meeting.id);
    const ticket = await ticketFor(server, session, meeting.id);
    const first = await connect(server, ticket);
    expect((await first.ok('getRouterRtpCapabilities', {})).rtpCapabilities.codecs?.length).toBeGreaterThan(0);
    const second = await connect(server, ticket);
    expect((await second.closed).code).toBe(4401);
    first.close();
    await bystanderUntouched();
  });

  it('gives tickets only to joined participants of that meeting, and resumes only your own peer', async () => {
    const outsider = await signUp(server.app, 'outsider');
    const notJoined = await requestTicket(server, outsider, meeting.id);
    expect(notJoined.statusCode).toBe(403);
    expect(body(notJoined).error).toBe('NOT_A_PARTICIPANT');

    // Joined to another meeting: that ticket does not open this one.
    const other = await createMeeting(server.app, outsider);
    await joinByRest(server, outsider, other.id);
    expect((await requestTicket(server, outsider, meeting.id)).statusCode).toBe(403);
    const otherTicket = await ticketFor(server, outsider, other.id);
    const client = await connect(server, otherTicket);
    const joined = await client.ok('join', {
      displayName: 'outsider',
      rtpCapabilities: host.peer.device.rtpCapabilities,
    });
    expect(joined.peers).toEqual([]);
    client.close();

    expect((await requestTicket(server, host.session, 999_999_999)).statusCode).toBe(404);
    await joinByRest(server, outsider, meeting.id);
    const hijack = await requestTicket(server, outsider, meeting.id, bystander.peerId);
    expect(hijack.statusCode).toBe(403);
    expect(body(hijack).error).toBe('FORBIDDEN');
    const unauthenticated = await server.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/ticket`,
      payload: {},
    });
    expect(unauthenticated.statusCode).toBe(401);
    await bystanderUntouched();
  });
});
