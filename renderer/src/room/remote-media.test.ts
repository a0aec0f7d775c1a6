import { describe, expect, it, vi } from 'vitest';
import type { SignalingNotificationData } from '@meetai/shared';
import { RemoteMedia } from './remote-media';
import { createRoomStore } from './room-store';
import { FakeTransport } from './testing/fake-device';
import { FakeServer, FakeSignaling } from './testing/fake-server';
import { TrackRegistry } from './track-registry';

const DTLS = { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] };

let nextId = 1;

/** A newConsumer notification's data: `peer-2`'s webcam video unless told otherwise. */
function newConsumer(overrides: Partial<SignalingNotificationData<'newConsumer'>> = {}) {
  const id = nextId++;
  return {
    consumerId: `consumer-${id}`,
    producerId: `remote-producer-${id}`,
    peerId: 'peer-2',
    kind: 'video' as const,
    source: 'webcam' as const,
    rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }] },
    type: 'simulcast',
    producerPaused: false,
    ...overrides,
  };
}

/**
 * RemoteMedia on its own: a real store and track registry, the fake device's
 * receive transport, and a signaling connection to the fake server (which
 * checks every request against the shared schemas).
 */
function setup(options: { hasTransport?: boolean; pixelRatio?: number } = {}) {
  const { store, actions } = createRoomStore();
  const tracks = new TrackRegistry();
  const server = new FakeServer();
  const signaling = new FakeSignaling(server, { ticket: 't', expires_at: '', peer_id: 'x', ws_path: '/ws' });
  let releaseConnect = () => undefined as void;
  const connected = new Promise<void>((resolve) => (releaseConnect = resolve));
  const transport = new FakeTransport(
    'recv',
    { id: 'recv-1', iceParameters: { usernameFragment: 'u', password: 'p' }, iceCandidates: [], dtlsParameters: DTLS },
    { connect: () => connected, produce: async () => 'unused', connectionStateChange: () => undefined },
    server.journal,
  );
  let epoch = 1;
  const remote = new RemoteMedia(
    {
      recvTransport: () => (options.hasTransport === false ? null : transport),
      epoch: () => epoch,
      consumers: () => store.getState().consumers,
      request: (method, data) => signaling.request(method, data),
    },
    actions,
    tracks,
    options.pixelRatio === undefined ? undefined : () => options.pixelRatio!,
  );
  return {
    remote,
    transport,
    tracks,
    signaling,
    state: () => store.getState(),
    releaseConnect,
    /** What the RoomClient does when the connection goes. */
    tearDown: () => epoch++,
  };
}

/** The transport connects on its first consume; most tests do not care when. */
function connectedSetup(options: Parameters<typeof setup>[0] = {}) {
  const context = setup(options);
  context.releaseConnect();
  return context;
}

describe('RemoteMedia consuming', () => {
  it('does nothing without a receive transport, and says so in the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { remote, tracks, signaling, state } = connectedSetup({ hasTransport: false });
    const data = newConsumer();
    await remote.consume(data);
    expect(warn).toHaveBeenCalledWith('RemoteMedia:', `consume() | no receive transport for ${data.consumerId}`);
    expect(state().consumers).toEqual({});
    expect(tracks.getRemote(data.consumerId)).toBeNull();
    expect(signaling.requests).toEqual([]);
  });

  it('closes a consumer whose connection went while it was being created, and never shows it', async () => {
    const { remote, transport, tracks, signaling, state, releaseConnect, tearDown } = setup();
    remote.setTileVisible('peer-2', 'webcam', true);
    const data = newConsumer();
    const consuming = remote.consume(data);
    tearDown();
    releaseConnect();
    await consuming;

    expect(transport.consumers[0]?.closed).toBe(true);
    expect(state().consumers).toEqual({});
    expect(tracks.getRemote(data.consumerId)).toBeNull();
    expect(signaling.requestsOf('resumeConsumer')).toEqual([]);
  });

  it('gives a person’s camera and mic one stream id, and their shared screen and its sound another', async () => {
    const { remote, transport } = connectedSetup();
    await remote.consume(newConsumer());
    await remote.consume(newConsumer({ kind: 'audio', source: 'mic', type: 'simple' }));
    await remote.consume(newConsumer({ source: 'screen', type: 'simple' }));
    await remote.consume(newConsumer({ kind: 'audio', source: 'screen-audio', type: 'simple' }));
    expect(transport.consumers.map((consumer) => consumer.options.streamId)).toEqual([
      'peer-2-camera',
      'peer-2-camera',
      'peer-2-screen',
      'peer-2-screen',
    ]);
  });
});

describe('RemoteMedia closing', () => {
  it('closes only the consumers of the peer who left', async () => {
    const { remote, transport, tracks, state } = connectedSetup();
    const theirs = [newConsumer(), newConsumer({ kind: 'audio', source: 'mic', type: 'simple' })];
    const other = newConsumer({ peerId: 'peer-3' });
    for (const data of [...theirs, other]) await remote.consume(data);

    remote.closePeerConsumers('peer-2');
    expect(transport.consumers.map((consumer) => consumer.closed)).toEqual([true, true, false]);
    expect(Object.keys(state().consumers)).toEqual([other.consumerId]);
    expect(theirs.map((data) => tracks.getRemote(data.consumerId))).toEqual([null, null]);
    expect(tracks.getRemote(other.consumerId)).not.toBeNull();
  });

  it('forgets every consumer and remote track when the connection goes', async () => {
    const { remote, transport, tracks } = connectedSetup();
    const all = [newConsumer(), newConsumer({ peerId: 'peer-3' })];
    for (const data of all) await remote.consume(data);

    remote.forgetConsumers();
    expect(transport.consumers.every((consumer) => consumer.closed)).toBe(true);
    expect(all.map((data) => tracks.getRemote(data.consumerId))).toEqual([null, null]);
    expect(remote.consumersByPeer().size).toBe(0);
  });

  it('groups the live consumers by peer for the quality monitor', async () => {
    const { remote, transport } = connectedSetup();
    await remote.consume(newConsumer());
    await remote.consume(newConsumer({ peerId: 'peer-3' }));
    await remote.consume(newConsumer({ kind: 'audio', source: 'mic', type: 'simple' }));
    const [video2, video3, audio2] = transport.consumers;

    const byPeer = remote.consumersByPeer();
    expect([...byPeer.keys()].sort()).toEqual(['peer-2', 'peer-3']);
    expect(byPeer.get('peer-2')).toEqual([video2, audio2]);
    expect(byPeer.get('peer-3')).toEqual([video3]);
  });
});

describe('RemoteMedia layer preferences', () => {
  it('asks for layers only for webcam video, which alone is simulcast', async () => {
    const { remote, signaling } = connectedSetup();
    const audio = newConsumer({ kind: 'audio', source: 'mic', type: 'simple' });
    const screen = newConsumer({ source: 'screen', type: 'simple' });
    await remote.consume(audio);
    await remote.consume(screen);

    remote.setTileSize(audio.consumerId, 1200, 675);
    remote.setTileSize(screen.consumerId, 1200, 675);
    remote.setTileSize('consumer-unknown', 1200, 675);
    expect(signaling.requestsOf('setPreferredLayers')).toEqual([]);
  });

  it('counts device pixels, so a small tile on a high-density screen gets a sharper layer', async () => {
    const { remote, signaling } = connectedSetup({ pixelRatio: 2 });
    const video = newConsumer();
    await remote.consume(video);

    remote.setTileSize(video.consumerId, 300, 170);
    expect(signaling.requestsOf('setPreferredLayers')).toEqual([{ consumerId: video.consumerId, spatialLayer: 1 }]);
  });
});
