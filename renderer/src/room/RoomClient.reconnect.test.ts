import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignalingCloseCodes } from '@meetai/shared';
import { RoomClient, type JoinMediaChoices } from './RoomClient';
import { createRoomStore } from './room-store';
import { FakeServer } from './testing/fake-server';

const bothOn: JoinMediaChoices = { micDeviceId: null, cameraDeviceId: null, isMicOn: true, isCameraOn: true };
const BACKOFF_MS = 1000;

const clients: RoomClient[] = [];

async function joined(server = new FakeServer()) {
  const { store, actions } = createRoomStore();
  const client = new RoomClient({
    meetingId: 42,
    displayName: 'Mei Lin',
    media: bothOn,
    actions,
    getState: store.getState,
    deps: server.deps({ reconnectPolicy: { maxAttempts: 3, delayMs: () => BACKOFF_MS } }),
  });
  clients.push(client);
  await client.join();
  return { client, server, state: () => store.getState() };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  vi.useRealTimers();
});

describe('RoomClient reconnection', () => {
  it('after a dropped socket waits, gets a ticket resuming the same peer, rejoins and produces the same tracks', async () => {
    const { server, state } = await joined();
    const first = server.last;
    const tracksBefore = server.capture.opened.map(({ track }) => track);

    first.drop();
    expect(state().connectionState).toBe('reconnecting');
    expect(state().localProducers).toEqual({});
    expect(server.lastDevice.transports.every((transport) => transport.closed)).toBe(true);
    await vi.advanceTimersByTimeAsync(BACKOFF_MS - 1);
    expect(server.tickets).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    expect(server.tickets.at(-1)).toEqual({ meetingId: 42, resumePeerId: 'peer-self-1' });
    expect(server.last).not.toBe(first);
    expect(server.last.requestsOf('join')).toHaveLength(1);
    const sources = server.last.requestsOf('produce').map((data) => (data as { source: string }).source);
    expect(sources.sort()).toEqual(['mic', 'webcam']);
    // The camera and microphone were never reopened: the same tracks went out again.
    expect(server.capture.opened.map(({ track }) => track)).toEqual(tracksBefore);
    expect(tracksBefore.every((track) => track.readyState === 'live')).toBe(true);
    expect(state().connectionState).toBe('connected');
    expect(state().self?.peerId).toBe('peer-self-1');
    expect(state().notices.at(-1)?.key).toBe('reconnected');
  });

  it('keeps a muted microphone muted across a reconnect', async () => {
    const { client, server } = await joined();
    await client.muteMic();
    server.last.drop();
    await vi.advanceTimersByTimeAsync(BACKOFF_MS);

    expect(server.last.requestsOf('join')[0]).toMatchObject({ state: { isMuted: true, isCameraOff: false } });
    expect(server.last.requestsOf('produce')).toContainEqual(expect.objectContaining({ source: 'mic', paused: true }));
    expect(client.producers.get('mic')?.paused).toBe(true);
  });

  it('backs off between failed attempts and gives up with a Rejoin-able failure', async () => {
    const { server, state } = await joined();
    const offline = Object.assign(new Error('offline'), { code: 'NETWORK_ERROR' });
    server.ticketFailures.push(offline, offline, offline);
    server.last.drop();

    await vi.advanceTimersByTimeAsync(BACKOFF_MS);
    expect(server.tickets).toHaveLength(2);
    expect(state().connectionState).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(BACKOFF_MS * 2);

    expect(server.tickets).toHaveLength(4);
    expect(state().connectionState).toBe('failed');
    expect(state().failure).toMatchObject({ phase: 'reconnect', code: 'NETWORK_ERROR' });
    expect(server.capture.opened.every(({ track }) => track.readyState === 'ended')).toBe(true);
  });

  it('forgets the lost room when it gives up, keeping only the chat, and Rejoin starts over', async () => {
    const server = new FakeServer();
    server.chatHistory = [
      {
        id: 'm1',
        meetingId: 42,
        userId: 9,
        displayName: 'Wang Fang',
        text: '你好',
        sentAt: '2030-03-02T09:01:00.000Z',
      },
    ];
    const { client, state } = await joined(server);
    client.setTileVisible('peer-2', 'webcam', true);
    server.last.notify({
      type: 'newConsumer',
      data: {
        consumerId: 'consumer-1',
        producerId: 'remote-producer-1',
        peerId: 'peer-2',
        kind: 'video',
        source: 'webcam',
        rtpParameters: { codecs: [] },
        type: 'simulcast',
        producerPaused: false,
      },
    });
    server.last.notify({ type: 'meetingLocked', data: { locked: true } });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.getTrack('consumer-1')).not.toBeNull();

    const offline = Object.assign(new Error('offline'), { code: 'NETWORK_ERROR' });
    server.ticketFailures.push(offline, offline, offline);
    server.last.drop();
    await vi.advanceTimersByTimeAsync(BACKOFF_MS * 3);

    expect(state()).toMatchObject({
      connectionState: 'failed',
      self: null,
      peers: {},
      peerOrder: [],
      consumers: {},
      localProducers: {},
      activeSpeakerId: null,
      isLocked: false,
    });
    expect(state().chat.map((message) => message.id)).toEqual(['m1']);
    expect(client.getTrack('consumer-1')).toBeNull();
    expect(client.getLocalTrack('mic')).toBeNull();
    expect(client.getLocalTrack('webcam')).toBeNull();

    await client.join();
    expect(state()).toMatchObject({ connectionState: 'connected', failure: null, peerOrder: ['peer-2'] });
    expect(state().self?.peerId).toBeDefined();
    expect(Object.keys(state().localProducers).sort()).toEqual(['mic', 'webcam']);
    expect(server.tickets.at(-1)).toEqual({ meetingId: 42, resumePeerId: null });
    expect(state().chat.map((message) => message.id)).toEqual(['m1']);
  });

  it('stops at once when the answer cannot change (the meeting ended meanwhile)', async () => {
    const { server, state } = await joined();
    server.ticketFailures.push(Object.assign(new Error('ended'), { code: 'MEETING_ENDED' }));
    server.last.drop();
    await vi.advanceTimersByTimeAsync(BACKOFF_MS * 5);

    expect(server.tickets).toHaveLength(2);
    expect(state().failure).toMatchObject({ phase: 'reconnect', code: 'MEETING_ENDED' });
  });

  it('stops trying when the room is closed during the wait', async () => {
    const { client, server, state } = await joined();
    server.last.drop();
    client.close();
    await vi.advanceTimersByTimeAsync(BACKOFF_MS * 5);

    expect(server.tickets).toHaveLength(1);
    expect(state().connectionState).toBe('closed');
  });

  it('does not come back after the server closes for good (removed, replaced elsewhere)', async () => {
    const kicked = await joined();
    kicked.server.last.drop(SignalingCloseCodes.KICKED);
    const replaced = await joined();
    replaced.server.last.drop(SignalingCloseCodes.REPLACED);
    await vi.advanceTimersByTimeAsync(BACKOFF_MS * 5);

    expect(kicked.state()).toMatchObject({ connectionState: 'closed', closeReason: 'kicked' });
    expect(replaced.state()).toMatchObject({ connectionState: 'closed', closeReason: 'replaced' });
    expect(kicked.server.tickets).toHaveLength(1);
    expect(replaced.server.tickets).toHaveLength(1);
  });

  it('rejoins on a fresh router when the server restarts the room', async () => {
    const { server, state } = await joined();
    const first = server.last;
    first.notify({ type: 'roomRestarted', data: {} });
    expect(first.isClosed).toBe(true);
    await vi.advanceTimersByTimeAsync(BACKOFF_MS);

    expect(server.connections).toHaveLength(2);
    expect(server.tickets.at(-1)?.resumePeerId).toBe('peer-self-1');
    expect(state().connectionState).toBe('connected');
  });
});

describe('RoomClient ICE restarts', () => {
  it('restarts ICE at once when a transport fails', async () => {
    const { server } = await joined();
    const send = server.lastDevice.transport('send');
    send.setConnectionState('failed');
    await vi.advanceTimersByTimeAsync(0);

    expect(server.last.requestsOf('restartIce')).toEqual([{ transportId: send.id }]);
    expect(send.iceRestarts).toEqual([{ usernameFragment: 'u2', password: 'p2' }]);
  });

  it('gives a disconnected transport a moment to recover before restarting ICE', async () => {
    const { server } = await joined();
    const recv = server.lastDevice.transport('recv');
    recv.setConnectionState('disconnected');
    recv.setConnectionState('connected');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.last.requestsOf('restartIce')).toEqual([]);

    recv.setConnectionState('disconnected');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.last.requestsOf('restartIce')).toEqual([{ transportId: recv.id }]);
  });
});
