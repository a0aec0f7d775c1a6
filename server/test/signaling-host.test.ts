import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Participant as ParticipantDto } from '@meetai/shared';
import { body, call, signUp } from './helpers/api';
import { hostedMeeting, participant, startSignalingServer, type SignalingServer } from './signaling-helpers';

describe('signaling: host controls', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(48600);
  });
  afterAll(() => server.close());

  const getMeeting = async (id: number, token: string) =>
    body<Meeting>(await call(server.app, 'GET', `/api/v1/meetings/${id}`, undefined, token)).data;

  it('refuses every host control to a participant with NOT_HOST', async () => {
    const { meeting, host } = await hostedMeeting(server, 'realhost');
    const guest = await participant(server, meeting, 'guest');
    for (const [method, data] of [
      ['muteParticipant', { peerId: host.peerId }],
      ['removeParticipant', { peerId: host.peerId }],
      ['lockMeeting', { locked: true }],
      ['endMeeting', {}],
    ] as const) {
      expect(await guest.client.refused(method, data)).toMatchObject({ code: 'NOT_HOST' });
    }
    expect((await getMeeting(meeting.id, host.session.token)).status).toBe('ongoing');
    expect(host.client.seen('muteRequested')).toEqual([]);
    expect(await host.client.refused('muteParticipant', { peerId: 'nobody' })).toMatchObject({ code: 'NOT_FOUND' });
    host.client.close();
    guest.client.close();
  });

  it('mute pauses the microphone on the server and asks the participant to mute', async () => {
    const { meeting, host } = await hostedMeeting(server, 'mutehost');
    const talker = await participant(server, meeting, 'talker');
    const listener = await participant(server, meeting, 'listener');
    const mic = await talker.peer.produceMic();
    await listener.peer.waitForConsumers(talker.peerId, 1);

    await host.client.ok('muteParticipant', { peerId: talker.peerId });
    expect(await talker.client.waitForNotice('muteRequested')).toEqual({ byPeerId: host.peerId });
    expect(await listener.client.waitForNotice('producerPaused')).toEqual({
      peerId: talker.peerId,
      producerId: mic.id,
      source: 'mic',
    });
    expect((await listener.client.waitForNotice('peerState')).state.isMuted).toBe(true);
    // A newcomer sees the microphone paused.
    const late = await participant(server, meeting, 'late', { isJoined: false });
    const joined = await late.peer.join('late');
    expect(joined.peers.find((p) => p.peerId === talker.peerId)?.producers).toEqual([
      { producerId: mic.id, kind: 'audio', source: 'mic', paused: true },
    ]);
    for (const p of [host, talker, listener, late]) p.client.close();
  });

  it('remove: the participant is told, its socket closes with 4403, the others see it leave, it is marked left', async () => {
    const { meeting, host } = await hostedMeeting(server, 'kickhost');
    const unwanted = await participant(server, meeting, 'unwanted');
    const witness = await participant(server, meeting, 'witness');
    await host.client.ok('removeParticipant', { peerId: unwanted.peerId });
    expect((await unwanted.client.waitForNotice('kicked')).reason).toMatch(/host/);
    expect((await unwanted.client.closed).code).toBe(4403);
    expect(await witness.client.waitForNotice('peerLeft')).toEqual({ peerId: unwanted.peerId });
    const list = body<ParticipantDto[]>(
      await call(server.app, 'GET', `/api/v1/meetings/${meeting.id}/participants`, undefined, host.session.token),
    ).data;
    expect(list.find((p) => p.user_id === unwanted.session.user.id)?.is_present).toBe(false);
    expect(await host.client.refused('removeParticipant', { peerId: host.peerId })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    host.client.close();
    witness.client.close();
  });

  it('lock over signaling or REST reaches every socket; a locked meeting refuses newcomers', async () => {
    const { meeting, host } = await hostedMeeting(server, 'lockhost');
    const member = await participant(server, meeting, 'member');
    await host.client.ok('lockMeeting', { locked: true });
    expect(await member.client.waitForNotice('meetingLocked')).toEqual({ locked: true });
    expect((await getMeeting(meeting.id, host.session.token)).is_locked).toBe(true);
    const stranger = await signUp(server.app, 'stranger');
    const refused = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/join`, {}, stranger.token);
    expect(body(refused).error).toBe('MEETING_LOCKED');

    const unlock = await call(
      server.app,
      'PUT',
      `/api/v1/meetings/${meeting.id}`,
      { is_locked: false },
      host.session.token,
    );
    expect(unlock.statusCode).toBe(200);
    expect(await member.client.waitForNotice('meetingLocked', (n) => !n.locked)).toEqual({ locked: false });
    host.client.close();
    member.client.close();
  });

  it('end for everyone: all sockets get meetingEnded and close with 4410; the meeting is ended', async () => {
    const { meeting, host } = await hostedMeeting(server, 'endhost');
    const a = await participant(server, meeting, 'enda');
    await a.peer.produceMic();
    const b = await participant(server, meeting, 'endb');
    await host.client.ok('endMeeting', {});
    for (const p of [host, a, b]) {
      expect(await p.client.waitForNotice('meetingEnded')).toEqual({ reason: 'host-ended' });
      expect((await p.client.closed).code).toBe(4410);
    }
    expect((await getMeeting(meeting.id, host.session.token)).status).toBe('ended');
    const ticket = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/ticket`, {}, host.session.token);
    expect(body(ticket).error).toBe('MEETING_ENDED');
  });

  it('a meeting ended over REST reaches the sockets the same way', async () => {
    const { meeting, host } = await hostedMeeting(server, 'restend');
    const guest = await participant(server, meeting, 'restguest');
    const ended = await call(server.app, 'POST', `/api/v1/meetings/${meeting.id}/end`, {}, host.session.token);
    expect(ended.statusCode).toBe(200);
    for (const p of [host, guest]) {
      expect(await p.client.waitForNotice('meetingEnded')).toEqual({ reason: 'host-ended' });
      expect((await p.client.closed).code).toBe(4410);
    }
  });
});
