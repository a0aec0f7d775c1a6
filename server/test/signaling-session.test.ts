import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant as ParticipantDto } from '@meetai/shared';
import { body, call } from './helpers/api';
import {
  hostedMeeting,
  metric,
  participant,
  startSignalingServer,
  type Participant,
  type SignalingServer,
} from './signaling-helpers';

describe('signaling: two peers in a meeting (real server, real worker, mediasoup-client FakeHandler)', () => {
  let server: SignalingServer;
  beforeAll(async () => {
    server = await startSignalingServer(48000);
  });
  afterAll(() => server.close());

  function cleanly(...peers: Participant[]) {
    for (const p of peers) {
      expect(p.client.contractViolations).toEqual([]);
      expect(p.client.orphanErrors).toEqual([]);
      expect(p.peer.problems).toEqual([]);
    }
  }

  it('join, produce audio and simulcast video, consume each other, resume, leave', async () => {
    const { meeting, host: alice } = await hostedMeeting(server, 'alice');
    await alice.peer.produceMic();
    await alice.peer.produceWebcam();

    const bob = await participant(server, meeting, 'bob', { isJoined: false });
    // The name others see is the account's; what the client sends at join is ignored.
    const joined = await bob.peer.join('Bob B.');
    expect(joined.resumed).toBe(false);
    expect(joined.self).toMatchObject({
      peerId: bob.peerId,
      displayName: bob.session.user.nickname,
      role: 'participant',
      producers: [],
    });
    expect(joined.peers).toHaveLength(1);
    expect(joined.peers[0]).toMatchObject({
      peerId: alice.peerId,
      displayName: alice.session.user.nickname,
      role: 'host',
    });
    expect(joined.peers[0]!.producers.map((p) => p.source).sort()).toEqual(['mic', 'webcam']);
    expect(joined.isLocked).toBe(false);

    const announced = await alice.client.waitForNotice('peerJoined');
    expect(announced.peer).toMatchObject({ peerId: bob.peerId, displayName: bob.session.user.nickname });

    // Bob receives Alice's two producers, created paused, and resumes them.
    await bob.peer.waitForConsumers(alice.peerId, 2);
    const fromAlice = bob.client.seen('newConsumer');
    expect(fromAlice.map((c) => c.source).sort()).toEqual(['mic', 'webcam']);
    expect(fromAlice.find((c) => c.source === 'webcam')?.type).toBe('simulcast');

    await bob.peer.produceMic();
    await bob.peer.produceWebcam();
    await alice.peer.waitForConsumers(bob.peerId, 2);

    const webcam = bob.peer.consumersFrom(alice.peerId).find((c) => c.source === 'webcam')!;
    await bob.client.ok('setPreferredLayers', { consumerId: webcam.consumer.id, spatialLayer: 0, temporalLayer: 1 });
    await bob.client.ok('pauseConsumer', { consumerId: webcam.consumer.id });
    await bob.client.ok('resumeConsumer', { consumerId: webcam.consumer.id });
    const restarted = await bob.client.ok('restartIce', { transportId: bob.peer.recvTransport!.id });
    expect(restarted.iceParameters.usernameFragment).toBeTruthy();
    await bob.peer.recvTransport!.restartIce({ iceParameters: restarted.iceParameters as never });

    expect(await metric(server, 'meetai_media_rooms')).toBe(1);
    expect(await metric(server, 'meetai_media_producers')).toBe(4);
    expect(await metric(server, 'meetai_media_consumers')).toBe(4);
    expect(await metric(server, 'meetai_media_transports')).toBe(4);

    // Pause, resume and close a producer: the other side is told each time.
    const bobMic = bob.peer.producers.get('mic')!;
    await bob.client.ok('pauseProducer', { producerId: bobMic.id });
    expect(await alice.client.waitForNotice('producerPaused')).toEqual({
      peerId: bob.peerId,
      producerId: bobMic.id,
      source: 'mic',
    });
    await bob.client.ok('resumeProducer', { producerId: bobMic.id });
    await alice.client.waitForNotice('producerResumed', (n) => n.producerId === bobMic.id);
    const aliceConsumerOfBobMic = alice.peer.consumersFrom(bob.peerId).find((c) => c.source === 'mic')!;
    await bob.client.ok('closeProducer', { producerId: bobMic.id });
    await alice.client.waitForNotice('consumerClosed', (n) => n.consumerId === aliceConsumerOfBobMic.consumer.id);

    // Leave is immediate: Alice sees Bob go, Bob's socket closes, Bob is marked left.
    const aliceConsumerOfBobWebcam = alice.peer.consumersFrom(bob.peerId).find((c) => c.source === 'webcam')!;
    await bob.client.ok('leave', {});
    expect(await alice.client.waitForNotice('peerLeft')).toEqual({ peerId: bob.peerId });
    // The worker reports the closed producer to Alice's consumer asynchronously; she is told when it is gone.
    await alice.client.waitForNotice('consumerClosed', (n) => n.consumerId === aliceConsumerOfBobWebcam.consumer.id);
    expect((await bob.client.closed).code).toBe(1000);
    const list = body<ParticipantDto[]>(
      await call(server.app, 'GET', `/api/v1/meetings/${meeting.id}/participants`, undefined, alice.session.token),
    ).data;
    expect(list.find((p) => p.user_id === bob.session.user.id)?.is_present).toBe(false);
    expect(await metric(server, 'meetai_media_consumers')).toBe(0);
    cleanly(alice, bob);

    await alice.client.ok('leave', {});
    await alice.client.closed;
    expect(await metric(server, 'meetai_media_rooms')).toBe(0);
  });

  it('peer state and chat reach the others; a later joiner gets the chat history', async () => {
    const { meeting, host: carol } = await hostedMeeting(server, 'carol');
    const dave = await participant(server, meeting, 'dave');

    const { state } = await dave.client.ok('updatePeerState', { isHandRaised: true });
    expect(state).toEqual({ isMuted: false, isCameraOff: false, isHandRaised: true });
    expect(await carol.client.waitForNotice('peerState')).toEqual({ peerId: dave.peerId, state });

    const sent = await carol.client.ok('sendChat', { text: '  大家好, hello  ' });
    expect(sent.message).toMatchObject({
      meetingId: meeting.id,
      userId: carol.session.user.id,
      displayName: carol.session.user.nickname,
      text: '大家好, hello',
    });
    expect((await dave.client.waitForNotice('chatMessage')).message).toEqual(sent.message);
    expect(carol.client.seen('chatMessage')).toHaveLength(0);
    await dave.client.ok('sendChat', { text: 'second' });

    const erin = await participant(server, meeting, 'erin', { isJoined: false });
    const joined = await erin.peer.join('erin');
    expect(joined.chatHistory.map((m) => m.text)).toEqual(['大家好, hello', 'second']);
    expect(joined.peers.find((p) => p.peerId === dave.peerId)?.state.isHandRaised).toBe(true);
    cleanly(carol, dave, erin);
    for (const p of [carol, dave, erin]) p.client.close();
  });
});
