import { afterEach, describe, expect, it } from 'vitest';
import { RoomClient, type JoinMediaChoices } from './RoomClient';
import { createRoomStore } from './room-store';
import { SignalingRequestError } from './signaling-client';
import { FakeServer } from './testing/fake-server';
import { fakeTrack } from './testing/fake-track';

/** What the client is made with before the lobby's word: it exists only to prepare. */
const undecided: JoinMediaChoices = { micDeviceId: null, cameraDeviceId: null, isMicOn: true, isCameraOn: true };

const clients: RoomClient[] = [];

function setup(server = new FakeServer()) {
  const { store, actions } = createRoomStore();
  const client = new RoomClient({
    meetingId: 42,
    displayName: 'Mei Lin',
    media: undecided,
    actions,
    getState: store.getState,
    deps: server.deps(),
  });
  clients.push(client);
  return { client, server, state: () => store.getState() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

const PREPARED = [
  'ticket',
  'socket',
  'getRouterRtpCapabilities',
  'device.load',
  'createWebRtcTransport:send',
  'createWebRtcTransport:recv',
];

describe('RoomClient.prepare: the lobby opens the connection, Join only joins', () => {
  it('opens everything but join with a lobby ticket, opens no device, and the room state stays untouched', async () => {
    const { client, server, state } = setup();
    await client.prepare();
    expect(server.journal).toEqual(PREPARED);
    expect(server.tickets).toEqual([{ meetingId: 42, resumePeerId: null, isLobby: true }]);
    expect(server.capture.opened).toEqual([]);
    expect(state().self).toBeNull();
  });

  it('at Join sends only join on the prepared connection, then produces', async () => {
    const { client, server, state } = setup();
    await client.prepare();
    const before = server.journal.length;
    await client.join();
    const atJoin = server.journal.slice(before);
    expect(atJoin[0]).toBe('join');
    expect(atJoin).not.toContain('ticket');
    expect(atJoin).not.toContain('socket');
    expect(atJoin.filter((step) => step.startsWith('createWebRtcTransport'))).toEqual([]);
    expect(atJoin.filter((step) => step === 'produce')).toHaveLength(2);
    expect(server.connections).toHaveLength(1);
    expect(state().connectionState).toBe('connected');
  });

  it('a Join that comes while the preparation is still running waits for it instead of opening a second connection', async () => {
    const { client, server, state } = setup();
    const preparing = client.prepare();
    await client.join();
    await preparing;
    expect(server.connections).toHaveLength(1);
    expect(server.journal.filter((step) => step === 'join')).toHaveLength(1);
    expect(state().connectionState).toBe('connected');
  });

  it("takes the lobby's choices and the tracks its preview has open: no device is opened again", async () => {
    const { client, server, state } = setup();
    await client.prepare();
    const camera = fakeTrack('video');
    const spareMic = fakeTrack('audio');
    await client.join({
      media: { isMicOn: false, isCameraOn: true, micDeviceId: 'mic-2', cameraDeviceId: 'cam-1' },
      tracks: { webcam: camera, mic: spareMic },
    });
    expect(server.capture.opened).toEqual([]);
    expect(client.producers.get('webcam')?.track).toBe(camera);
    expect(client.producers.has('mic')).toBe(false);
    // A track for a device the user switched off is not kept running.
    expect(spareMic.readyState).toBe('ended');
    expect(state().self?.state).toMatchObject({ isMuted: true, isCameraOff: false });
    expect(state()).toMatchObject({ micDeviceId: 'mic-2', cameraDeviceId: 'cam-1' });
  });

  it('a prepared connection the server drops before Join is not a reconnect; Join opens a new one', async () => {
    const { client, server, state } = setup();
    await client.prepare();
    server.last.drop(1001);
    await settle();
    expect(state().connectionState).toBe('connecting');
    expect(server.tickets).toHaveLength(1);
    await client.join();
    expect(server.tickets).toEqual([
      { meetingId: 42, resumePeerId: null, isLobby: true },
      { meetingId: 42, resumePeerId: null },
    ]);
    expect(state().connectionState).toBe('connected');
  });

  it('a prepared connection found dead at Join (its close not seen yet) is opened anew instead of failing', async () => {
    const { client, server, state } = setup();
    await client.prepare();
    let joins = 0;
    server.on('join', (data, connection) => {
      joins += 1;
      if (joins === 1) throw new SignalingRequestError('CONNECTION_CLOSED', 'join', 'closed');
      return server.defaults.join!(data, connection);
    });
    await client.join();
    expect(server.connections).toHaveLength(2);
    expect(state().connectionState).toBe('connected');
  });

  it('a preparation that fails costs nothing: Join opens the connection itself', async () => {
    const server = new FakeServer();
    server.ticketFailures.push(new Error('server unreachable'));
    const { client, state } = setup(server);
    await client.prepare();
    expect(server.connections).toHaveLength(0);
    await client.join();
    expect(state().connectionState).toBe('connected');
  });

  it('closing before Join (the user left the lobby) closes the prepared socket', async () => {
    const { client, server } = setup();
    await client.prepare();
    client.close();
    expect(server.last.isClosed).toBe(true);
  });
});
