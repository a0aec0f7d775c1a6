import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SignalingNotificationData } from '@meetai/shared';
import { RoomClient, type JoinMediaChoices } from './RoomClient';
import { createRoomStore } from './room-store';
import { SignalingRequestError } from './signaling-client';
import { FakeServer, peerFixture } from './testing/fake-server';

const bothOn: JoinMediaChoices = { micDeviceId: null, cameraDeviceId: null, isMicOn: true, isCameraOn: true };

const clients: RoomClient[] = [];

function setup(media: JoinMediaChoices = bothOn, server = new FakeServer()) {
  const { store, actions } = createRoomStore();
  const client = new RoomClient({
    meetingId: 42,
    displayName: 'Mei Lin',
    media,
    actions,
    getState: store.getState,
    deps: server.deps(),
  });
  clients.push(client);
  return { client, server, store, state: () => store.getState() };
}

function newConsumer(overrides: Partial<SignalingNotificationData<'newConsumer'>> = {}) {
  return {
    type: 'newConsumer' as const,
    data: {
      consumerId: 'consumer-1',
      producerId: 'remote-producer-1',
      peerId: 'peer-2',
      kind: 'video' as const,
      source: 'webcam' as const,
      rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }] },
      type: 'simulcast',
      producerPaused: false,
      ...overrides,
    },
  };
}

/** Lets queued promise callbacks (handler chains) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  vi.useRealTimers();
});

describe('RoomClient.join', () => {
  it('follows the demo order: ticket, socket, capabilities, device, transports, join, then produces', async () => {
    const { client, server, state } = setup();
    await client.join();

    expect(server.journal.slice(0, 7)).toEqual([
      'ticket',
      'socket',
      'getRouterRtpCapabilities',
      'device.load',
      'createWebRtcTransport:send',
      'createWebRtcTransport:recv',
      'join',
    ]);
    expect(server.journal.slice(7).filter((step) => step === 'produce')).toHaveLength(2);
    expect(server.journal.indexOf('connectTransport')).toBeLessThan(server.journal.indexOf('produce'));
    expect(server.tickets).toEqual([{ meetingId: 42, resumePeerId: null }]);

    const sources = server.last.requestsOf('produce').map((data) => (data as { source: string }).source);
    expect(sources.sort()).toEqual(['mic', 'webcam']);
    expect(state().connectionState).toBe('connected');
    expect(state().self?.peerId).toBe('peer-self-1');
    expect(state().peerOrder).toEqual(['peer-2']);
    expect(Object.keys(state().localProducers).sort()).toEqual(['mic', 'webcam']);
    expect(client.producers.get('webcam')?.id).toBe(state().localProducers.webcam?.producerId);
  });

  it('sends webcam video as three simulcast layers and the mic with opus DTX and FEC', async () => {
    const { client, server } = setup();
    await client.join();
    const send = server.lastDevice.transport('send');
    const webcam = send.producers.find((producer) => producer.options.source === 'webcam');
    const mic = send.producers.find((producer) => producer.options.source === 'mic');
    expect(webcam?.options.encodings).toHaveLength(3);
    expect(mic?.options.codecOptions).toMatchObject({ opusDtx: true, opusFec: true });
  });

  it('tells the others the camera and mic are on when they open after the join was sent', async () => {
    const server = new FakeServer();
    let release = () => undefined as void;
    server.capture.gate = new Promise((resolve) => (release = resolve));
    server.on('join', (data, connection) => {
      release();
      return server.defaults.join!(data, connection);
    });
    const { client, state } = setup(bothOn, server);
    await client.join();
    expect(server.last.requestsOf('join')[0]).toMatchObject({ state: { isMuted: true, isCameraOff: true } });
    expect(server.last.requestsOf('updatePeerState').at(-1)).toEqual({
      isMuted: false,
      isCameraOff: false,
      isHandRaised: false,
    });
    expect(state().self?.state).toMatchObject({ isMuted: false, isCameraOff: false });
  });

  it('sends no extra state update when the join already said it all', async () => {
    const { client, server } = setup();
    await client.join();
    expect(server.last.requestsOf('updatePeerState')).toEqual([]);
  });

  it('produces nothing the lobby turned off, and joins muted with the camera off', async () => {
    const { client, server, state } = setup({ ...bothOn, isMicOn: false, isCameraOn: false });
    await client.join();
    expect(server.last.requestsOf('produce')).toEqual([]);
    expect(server.last.requestsOf('join')[0]).toMatchObject({ state: { isMuted: true, isCameraOff: true } });
    expect(state().self?.state).toMatchObject({ isMuted: true, isCameraOff: true });
  });

  it('still joins when the camera cannot be opened, and says so', async () => {
    const server = new FakeServer();
    server.capture.failing.add('webcam');
    const { client, state } = setup(bothOn, server);
    await client.join();
    expect(state().connectionState).toBe('connected');
    expect(Object.keys(state().localProducers)).toEqual(['mic']);
    expect(state().notices.map((notice) => notice.key)).toContain('cameraUnavailable');
  });

  it('tears everything down and reports the code when the join is refused', async () => {
    const server = new FakeServer();
    server.on('join', () => {
      throw new SignalingRequestError('MEETING_LOCKED', 'join', 'The meeting is locked');
    });
    const { client, state } = setup(bothOn, server);
    await client.join();

    expect(state().connectionState).toBe('failed');
    expect(state().failure).toEqual({ phase: 'join', code: 'MEETING_LOCKED', message: 'The meeting is locked' });
    expect(server.last.isClosed).toBe(true);
    expect(server.lastDevice.transports.every((transport) => transport.closed)).toBe(true);
    expect(server.capture.opened.every(({ track }) => track.readyState === 'ended')).toBe(true);
    expect(client.getLocalTrack('mic')).toBeNull();
  });

  it('rejoins from a failure with a fresh ticket', async () => {
    const server = new FakeServer();
    server.ticketFailures.push(Object.assign(new Error('offline'), { code: 'NETWORK_ERROR' }));
    const { client, state } = setup(bothOn, server);
    await client.join();
    expect(state().failure?.code).toBe('NETWORK_ERROR');

    await client.join();
    expect(state().connectionState).toBe('connected');
    expect(state().failure).toBeNull();
    expect(server.tickets.at(-1)).toEqual({ meetingId: 42, resumePeerId: null });
  });
});

describe('RoomClient consumers', () => {
  it('consumes on the receive transport, keeps the track, then asks the server to resume', async () => {
    const { client, server, state } = setup();
    await client.join();
    server.last.notify(newConsumer());
    await settle();

    const consumeAt = server.journal.indexOf('device.consume:consumer-1');
    expect(consumeAt).toBeGreaterThan(-1);
    expect(server.journal.indexOf('resumeConsumer')).toBeGreaterThan(consumeAt);
    expect(server.last.requestsOf('resumeConsumer')).toEqual([{ consumerId: 'consumer-1' }]);
    expect(client.getTrack('consumer-1')).toBe(server.lastDevice.transport('recv').consumers[0]?.track);
    expect(state().consumers['consumer-1']).toMatchObject({ peerId: 'peer-2', kind: 'video', source: 'webcam' });
  });

  it('closes the consumer and drops its track when the server says so', async () => {
    const { client, server, state } = setup();
    await client.join();
    server.last.notify(newConsumer());
    await settle();
    server.last.notify({ type: 'consumerClosed', data: { consumerId: 'consumer-1' } });

    expect(server.lastDevice.transport('recv').consumers[0]?.closed).toBe(true);
    expect(client.getTrack('consumer-1')).toBeNull();
    expect(state().consumers).toEqual({});
  });

  it('asks for the simulcast layer that fits the tile, once per change', async () => {
    const { client, server } = setup();
    await client.join();
    server.last.notify(newConsumer());
    await settle();
    client.setTileSize('consumer-1', 300, 170);
    client.setTileSize('consumer-1', 310, 174);
    client.setTileSize('consumer-1', 1200, 675);
    await settle();
    expect(server.last.requestsOf('setPreferredLayers')).toEqual([
      { consumerId: 'consumer-1', spatialLayer: 0 },
      { consumerId: 'consumer-1', spatialLayer: 2 },
    ]);
  });
});

describe('RoomClient microphone and camera', () => {
  it('mute pauses the producer and tells the server; unmute resumes it', async () => {
    const { client, server, state } = setup();
    await client.join();
    const producer = server.lastDevice.transport('send').producers.find((p) => p.options.source === 'mic');

    await client.muteMic();
    expect(producer?.paused).toBe(true);
    expect(server.last.requestsOf('pauseProducer')).toEqual([{ producerId: producer?.id }]);
    expect(server.last.requestsOf('updatePeerState').at(-1)).toMatchObject({ isMuted: true });
    expect(state().self?.state.isMuted).toBe(true);
    expect(state().localProducers.mic?.isPaused).toBe(true);

    await client.unmuteMic();
    expect(producer?.paused).toBe(false);
    expect(server.last.requestsOf('resumeProducer')).toEqual([{ producerId: producer?.id }]);
    expect(state().self?.state.isMuted).toBe(false);
  });

  it('a host mute request pauses the mic and tells the user who asked', async () => {
    const server = new FakeServer();
    server.peers = [peerFixture('peer-2', { displayName: 'Wang Fang', role: 'host' })];
    const { client, state } = setup(bothOn, server);
    await client.join();
    server.last.notify({ type: 'muteRequested', data: { byPeerId: 'peer-2' } });
    await settle();

    expect(client.producers.get('mic')?.paused).toBe(true);
    expect(server.last.requestsOf('pauseProducer')).toHaveLength(1);
    expect(state().notices.at(-1)).toMatchObject({ key: 'mutedByHost', params: { name: 'Wang Fang' } });
  });

  it('turning the camera off closes its producer and stops the camera', async () => {
    const { client, server, state } = setup();
    await client.join();
    const producerId = client.producers.get('webcam')?.id;
    await client.disableWebcam();

    expect(server.last.requestsOf('closeProducer')).toEqual([{ producerId }]);
    expect(server.capture.tracksOf('webcam')[0]?.readyState).toBe('ended');
    expect(state().localProducers.webcam).toBeUndefined();
    expect(state().self?.state.isCameraOff).toBe(true);
  });

  it('switching cameras replaces the track on the same producer', async () => {
    const { client, server, state } = setup();
    await client.join();
    const producer = server.lastDevice.transport('send').producers.find((p) => p.options.source === 'webcam');
    await client.switchCamera('cam-2');

    const [oldTrack, newTrack] = server.capture.tracksOf('webcam');
    expect(producer?.replacedWith).toEqual([newTrack]);
    expect(oldTrack?.readyState).toBe('ended');
    expect(client.getLocalTrack('webcam')).toBe(newTrack);
    expect(server.capture.opened.at(-1)?.deviceId).toBe('cam-2');
    expect(state().cameraDeviceId).toBe('cam-2');
    expect(server.last.requestsOf('produce')).toHaveLength(2);
  });

  it('shares the screen as its own producer and stops when the browser ends the capture', async () => {
    const { client, server, state } = setup();
    await client.join();
    await client.startScreenShare();
    const screenProducerId = state().localProducers.screen?.producerId;
    expect(screenProducerId).toBeDefined();
    expect(server.last.requestsOf('produce').at(-1)).toMatchObject({ source: 'screen', kind: 'video' });

    server.capture.tracksOf('screen')[0]?.end();
    await settle();
    expect(server.last.requestsOf('closeProducer')).toEqual([{ producerId: screenProducerId }]);
    expect(state().localProducers.screen).toBeUndefined();
  });

  it('turns the camera off and says so when the device goes away', async () => {
    const { client, server, state } = setup();
    await client.join();
    const producerId = client.producers.get('webcam')?.id;
    server.capture.tracksOf('webcam')[0]?.end();
    await settle();
    expect(server.last.requestsOf('closeProducer')).toEqual([{ producerId }]);
    expect(state().self?.state.isCameraOff).toBe(true);
    expect(state().notices.at(-1)?.key).toBe('cameraUnavailable');
  });
});

describe('RoomClient leave and close', () => {
  it('leave tells the server, closes everything and is safe to repeat', async () => {
    const { client, server, state } = setup();
    await client.join();
    server.last.notify(newConsumer());
    await settle();
    const connection = server.last;
    const device = server.lastDevice;

    await client.leave();
    await client.leave();
    client.close();
    client.close();

    expect(connection.requestsOf('leave')).toHaveLength(1);
    expect(connection.isClosed).toBe(true);
    expect(device.transports.every((transport) => transport.closed)).toBe(true);
    expect(device.transport('send').producers.every((producer) => producer.closed)).toBe(true);
    expect(device.transport('recv').consumers.every((consumer) => consumer.closed)).toBe(true);
    expect(server.capture.opened.every(({ track }) => track.readyState === 'ended')).toBe(true);
    expect(state()).toMatchObject({
      connectionState: 'closed',
      closeReason: 'left',
      consumers: {},
      localProducers: {},
    });
    expect(server.connections).toHaveLength(1);
  });

  it('ending the meeting as host is not reported as a failure when the end notice beats the answer', async () => {
    const server = new FakeServer();
    server.selfRole = 'host';
    server.on('endMeeting', (_data, connection) => {
      connection.notify({ type: 'meetingEnded', data: { reason: 'host-ended' } });
      return {};
    });
    const { client, state } = setup(bothOn, server);
    await client.join();
    await client.endMeeting();
    expect(state()).toMatchObject({ connectionState: 'closed', closeReason: 'host-ended' });
    expect(state().notices.map((notice) => notice.key)).not.toContain('actionFailed');
  });

  it('ends the room when the host ends the meeting or removes us', async () => {
    const first = setup();
    await first.client.join();
    first.server.last.notify({ type: 'meetingEnded', data: { reason: 'host-ended' } });
    expect(first.state()).toMatchObject({ connectionState: 'closed', closeReason: 'host-ended' });

    const second = setup();
    await second.client.join();
    second.server.last.notify({ type: 'kicked', data: { reason: 'removed by host' } });
    expect(second.state()).toMatchObject({ connectionState: 'closed', closeReason: 'kicked' });
    expect(second.server.last.isClosed).toBe(true);
  });
});
