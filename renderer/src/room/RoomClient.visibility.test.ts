import { afterEach, describe, expect, it } from 'vitest';
import type { SignalingNotificationData } from '@meetai/shared';
import { RoomClient, type JoinMediaChoices } from './RoomClient';
import { selectVideoConsumerId } from './room-selectors';
import { createRoomStore } from './room-store';
import { SignalingRequestError } from './signaling-client';
import { FakeServer } from './testing/fake-server';

const bothOn: JoinMediaChoices = { micDeviceId: null, cameraDeviceId: null, isMicOn: true, isCameraOn: true };

const clients: RoomClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function joined(server = new FakeServer()) {
  const { store, actions } = createRoomStore();
  const client = new RoomClient({
    meetingId: 42,
    displayName: 'Mei Lin',
    media: bothOn,
    actions,
    getState: store.getState,
    deps: server.deps({ reconnectPolicy: { maxAttempts: 3, delayMs: () => 0 } }),
  });
  clients.push(client);
  await client.join();
  return { client, server, state: () => store.getState() };
}

let nextId = 1;

/** A newConsumer notification: `peer-2`'s webcam video unless told otherwise. */
function newConsumer(overrides: Partial<SignalingNotificationData<'newConsumer'>> = {}) {
  const id = nextId++;
  return {
    type: 'newConsumer' as const,
    data: {
      consumerId: `consumer-${id}`,
      producerId: `remote-producer-${id}`,
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

/** Lets queued promise callbacks (handler chains, the visibility microtask, request answers) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) await settle();
  expect(condition()).toBe(true);
}

const requested = (server: FakeServer, method: 'pauseConsumer' | 'resumeConsumer') =>
  server.last.requestsOf(method).map((data) => (data as { consumerId: string }).consumerId);

describe('RoomClient pauses video reported hidden, and only that', () => {
  it('resumes a video no tile has reported on yet at once, as on join before the tiles mount', async () => {
    const { client, server, state } = await joined();
    const video = newConsumer();
    const audio = newConsumer({ kind: 'audio', source: 'mic', type: 'simple' });
    server.last.notify(video);
    server.last.notify(audio);
    await settle();

    expect(requested(server, 'resumeConsumer').sort()).toEqual([video.data.consumerId, audio.data.consumerId].sort());
    expect(requested(server, 'pauseConsumer')).toEqual([]);
    expect(state().consumers[video.data.consumerId]).toMatchObject({ isPausedByUs: false, isProducerPaused: false });

    // The tile then mounts and says it is shown: nothing more to ask.
    const before = server.last.requests.length;
    client.setTileVisible('peer-2', 'webcam', true);
    await settle();
    expect(server.last.requests.length).toBe(before);
  });

  it('leaves a video whose tile is reported hidden paused, resumes it once a tile shows it, and always resumes audio', async () => {
    const { client, server, state } = await joined();
    client.setTileVisible('peer-2', 'webcam', false);
    const video = newConsumer();
    const audio = newConsumer({ kind: 'audio', source: 'mic', type: 'simple' });
    server.last.notify(video);
    server.last.notify(audio);
    await settle();

    expect(requested(server, 'resumeConsumer')).toEqual([audio.data.consumerId]);
    expect(requested(server, 'pauseConsumer')).toEqual([]);
    expect(state().consumers[video.data.consumerId]).toMatchObject({ isPausedByUs: true, isProducerPaused: false });
    expect(state().consumers[audio.data.consumerId]?.isPausedByUs).toBe(false);
    // The track is there all along, so the tile can show it the moment it mounts.
    expect(client.getTrack(video.data.consumerId)).not.toBeNull();

    client.setTileVisible('peer-2', 'webcam', true);
    await settle();
    expect(requested(server, 'resumeConsumer')).toEqual([audio.data.consumerId, video.data.consumerId]);
    expect(state().consumers[video.data.consumerId]?.isPausedByUs).toBe(false);
  });

  it('resumes a hidden video when the report is withdrawn (its tile or the grid’s report is gone)', async () => {
    const { client, server, state } = await joined();
    client.setTileVisible('peer-2', 'webcam', false);
    const video = newConsumer();
    server.last.notify(video);
    await settle();
    expect(state().consumers[video.data.consumerId]?.isPausedByUs).toBe(true);

    client.forgetTile('peer-2', 'webcam');
    await settle();
    expect(requested(server, 'resumeConsumer')).toEqual([video.data.consumerId]);
    expect(state().consumers[video.data.consumerId]?.isPausedByUs).toBe(false);
  });

  it('pauses a video whose tile leaves the screen and resumes it when the tile comes back, never the audio', async () => {
    const { client, server, state } = await joined();
    client.setTileVisible('peer-2', 'webcam', true);
    const video = newConsumer();
    const audio = newConsumer({ kind: 'audio', source: 'mic', type: 'simple' });
    server.last.notify(video);
    server.last.notify(audio);
    await settle();
    expect(requested(server, 'resumeConsumer').sort()).toEqual([video.data.consumerId, audio.data.consumerId].sort());

    client.setTileVisible('peer-2', 'webcam', false);
    await settle();
    expect(requested(server, 'pauseConsumer')).toEqual([video.data.consumerId]);
    expect(state().consumers[video.data.consumerId]?.isPausedByUs).toBe(true);

    client.setTileVisible('peer-2', 'webcam', true);
    await settle();
    expect(requested(server, 'resumeConsumer').filter((id) => id === video.data.consumerId)).toHaveLength(2);
    expect(requested(server, 'pauseConsumer')).toEqual([video.data.consumerId]);
    expect(state().consumers[audio.data.consumerId]?.isPausedByUs).toBe(false);
  });

  it('costs no request when a tile moves (hidden and shown again at once), and repeats are ignored', async () => {
    const { client, server } = await joined();
    client.setTileVisible('peer-2', 'webcam', true);
    server.last.notify(newConsumer());
    await settle();
    const before = server.last.requests.length;

    client.setTileVisible('peer-2', 'webcam', false);
    client.setTileVisible('peer-2', 'webcam', true);
    client.setTileVisible('peer-2', 'webcam', true);
    await settle();
    expect(server.last.requests.length).toBe(before);
  });

  it('treats the shared screen apart from the same person’s camera', async () => {
    const { client, server, state } = await joined();
    const camera = newConsumer();
    const screen = newConsumer({ source: 'screen', type: 'simple' });
    client.setTileVisible('peer-2', 'webcam', false);
    server.last.notify(camera);
    server.last.notify(screen);
    await settle();

    // A new share has no stage yet: it resumes at once, while the camera's hidden tile keeps it paused.
    expect(requested(server, 'resumeConsumer')).toEqual([screen.data.consumerId]);
    expect(state().consumers[camera.data.consumerId]?.isPausedByUs).toBe(true);
    expect(state().consumers[screen.data.consumerId]?.isPausedByUs).toBe(false);
  });

  it('resumes the same person’s next share at once after the stage of the last one went away', async () => {
    const { client, server, state } = await joined();
    const first = newConsumer({ source: 'screen', type: 'simple' });
    server.last.notify(first);
    await settle();
    client.setTileVisible('peer-2', 'screen', true);
    server.last.notify({ type: 'consumerClosed', data: { consumerId: first.data.consumerId } });
    client.forgetTile('peer-2', 'screen');
    await settle();

    const second = newConsumer({ source: 'screen', type: 'simple' });
    server.last.notify(second);
    await settle();
    expect(requested(server, 'resumeConsumer')).toEqual([first.data.consumerId, second.data.consumerId]);
    expect(requested(server, 'pauseConsumer')).toEqual([]);
    expect(state().consumers[second.data.consumerId]?.isPausedByUs).toBe(false);
  });

  it('keeps our pause and the producer’s pause apart: a camera turned back on does not resume a hidden tile', async () => {
    const { client, server, state } = await joined();
    client.setTileVisible('peer-2', 'webcam', false);
    const video = newConsumer({ producerPaused: true });
    const { consumerId, producerId } = video.data;
    server.last.notify(video);
    await settle();
    expect(state().consumers[consumerId]).toMatchObject({ isPausedByUs: true, isProducerPaused: true });

    server.last.notify({ type: 'producerResumed', data: { peerId: 'peer-2', producerId, source: 'webcam' } });
    await settle();
    expect(state().consumers[consumerId]).toMatchObject({ isPausedByUs: true, isProducerPaused: false });
    expect(requested(server, 'resumeConsumer')).toEqual([]);

    server.last.notify({ type: 'producerPaused', data: { peerId: 'peer-2', producerId, source: 'webcam' } });
    client.setTileVisible('peer-2', 'webcam', true);
    await settle();
    // Ours is lifted, theirs stays: the tile still shows the camera as off.
    expect(requested(server, 'resumeConsumer')).toEqual([consumerId]);
    expect(state().consumers[consumerId]).toMatchObject({ isPausedByUs: false, isProducerPaused: true });
    expect(selectVideoConsumerId('peer-2')(state())).toBeNull();

    // Hidden while the camera is off: paused anyway, so turning the camera on sends nothing to a hidden tile.
    client.setTileVisible('peer-2', 'webcam', false);
    await settle();
    expect(requested(server, 'pauseConsumer')).toEqual([consumerId]);
    server.last.notify({ type: 'producerResumed', data: { peerId: 'peer-2', producerId, source: 'webcam' } });
    await settle();
    expect(state().consumers[consumerId]).toMatchObject({ isPausedByUs: true, isProducerPaused: false });
    expect(requested(server, 'resumeConsumer')).toEqual([consumerId]);
  });

  it('keeps the flag as the server has it when a pause is refused, so the next change tries again', async () => {
    const { client, server, state } = await joined();
    client.setTileVisible('peer-2', 'webcam', true);
    const { data } = newConsumer();
    server.last.notify({ type: 'newConsumer', data });
    await settle();
    server.on('pauseConsumer', () => {
      throw new SignalingRequestError('RATE_LIMITED', 'pauseConsumer', 'slow down');
    });

    client.setTileVisible('peer-2', 'webcam', false);
    await settle();
    expect(requested(server, 'pauseConsumer')).toEqual([data.consumerId]);
    expect(state().consumers[data.consumerId]?.isPausedByUs).toBe(false);

    client.setTileVisible('peer-2', 'webcam', true);
    await settle();
    expect(requested(server, 'resumeConsumer')).toEqual([data.consumerId]);
  });

  it('forgets closed consumers and, after a reconnect, applies the reports still standing to the new consumers', async () => {
    const { client, server, state } = await joined();
    client.setTileVisible('peer-2', 'webcam', true);
    const first = newConsumer();
    server.last.notify(first);
    await settle();
    server.last.notify({ type: 'consumerClosed', data: { consumerId: first.data.consumerId } });
    client.setTileVisible('peer-2', 'webcam', false);
    await settle();
    expect(requested(server, 'pauseConsumer')).toEqual([]);

    client.setTileVisible('peer-2', 'webcam', true);
    // peer-3 is on another grid page, peer-4 joined while we were away and has no tile yet.
    client.setTileVisible('peer-3', 'webcam', false);
    const before = server.last;
    before.drop();
    await until(() => server.last !== before && state().connectionState === 'connected');
    const shown = newConsumer();
    const hidden = newConsumer({ peerId: 'peer-3' });
    const unreported = newConsumer({ peerId: 'peer-4' });
    server.last.notify(shown);
    server.last.notify(hidden);
    server.last.notify(unreported);
    await settle();

    expect(requested(server, 'resumeConsumer').sort()).toEqual(
      [shown.data.consumerId, unreported.data.consumerId].sort(),
    );
    expect(state().consumers[hidden.data.consumerId]?.isPausedByUs).toBe(true);
  });
});
