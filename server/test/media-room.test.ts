import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Device, types as mc } from 'mediasoup-client';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import type { types as ms } from 'mediasoup';
import { WorkerPool } from '../src/media/worker-pool';
import { RoomRegistry } from '../src/media/room-registry';
import type { Room } from '../src/media/Room';
import { waitFor } from './media-helpers';

const log = pino({ level: 'silent' });
const listen = {
  listenIp: '127.0.0.1',
  announcedIp: '127.0.0.1',
  rtcMinPort: 47500,
  rtcMaxPort: 47999,
  maxIncomingBitrate: 6_000_000,
};

/** A peer driving the Room directly with mediasoup-client's FakeHandler (no signaling in between). */
async function fakePeer(room: Room, peerId: string) {
  const device = new Device({ handlerFactory: FakeHandler.createFactory(fakeParameters) });
  await device.load({ routerRtpCapabilities: room.rtpCapabilities as mc.RtpCapabilities });
  room.addPeer(peerId);
  const transport = async (direction: 'send' | 'recv') => {
    const options = (await room.createTransport(peerId, direction)) as mc.TransportOptions;
    const t = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    t.on('connect', ({ dtlsParameters }, ok, fail) => {
      room.connectTransport(peerId, t.id, dtlsParameters as ms.DtlsParameters).then(ok, fail);
    });
    t.on('produce', ({ kind, rtpParameters, appData }, ok, fail) => {
      room
        .produce(peerId, {
          transportId: t.id,
          kind,
          rtpParameters: rtpParameters as ms.RtpParameters,
          source: appData.source as 'mic' | 'webcam',
          owner: { userId: 1, displayName: peerId },
        })
        .then((producer) => {
          ok({ id: producer.id });
          void room.shareProducer(producer);
        }, fail);
    });
    return t;
  };
  return {
    device,
    transport,
    join: () => room.setRtpCapabilities(peerId, device.rtpCapabilities as ms.RtpCapabilities),
  };
}

describe('Room (real worker, mediasoup-client FakeHandler)', () => {
  const pool = new WorkerPool(
    { workers: 2, rtcMinPort: listen.rtcMinPort, rtcMaxPort: listen.rtcMaxPort, logLevel: 'warn' },
    log,
  );
  const rooms = new RoomRegistry(pool, listen, log);

  beforeAll(() => pool.start());
  afterAll(() => {
    rooms.close();
    pool.close();
  });

  it('creates one room per meeting even when two peers arrive at once', async () => {
    const [a, b] = await Promise.all([rooms.getOrCreate(101), rooms.getOrCreate(101)]);
    expect(a).toBe(b);
    expect(rooms.size).toBe(1);
    rooms.release(101);
    expect(a.router.closed).toBe(true);
    expect(rooms.size).toBe(0);
  });

  it('consumes only once a peer has joined and has a recv transport, whichever comes first', async () => {
    const room = await rooms.getOrCreate(102);
    const notices: { to: string; producerPeerId: string; consumerId: string; type: string }[] = [];
    room.on('newConsumer', (to, c) =>
      notices.push({ to, producerPeerId: c.peerId, consumerId: c.consumerId, type: c.type }),
    );
    const closed: string[] = [];
    room.on('consumerClosed', (_to, consumerId) => closed.push(consumerId));

    const alice = await fakePeer(room, 'alice');
    alice.join();
    const aliceSend = await alice.transport('send');
    await aliceSend.produce({ track: new FakeMediaStreamTrack({ kind: 'audio' }), appData: { source: 'mic' } });
    await aliceSend.produce({
      track: new FakeMediaStreamTrack({ kind: 'video' }),
      encodings: [{ maxBitrate: 100_000 }, { maxBitrate: 300_000 }, { maxBitrate: 900_000 }],
      appData: { source: 'webcam' },
    });

    // Bob has a recv transport but has not joined: nothing yet.
    const bob = await fakePeer(room, 'bob');
    const bobRecv = await bob.transport('recv');
    await room.receiveExisting('bob');
    expect(notices.filter((n) => n.to === 'bob')).toHaveLength(0);

    bob.join();
    await room.receiveExisting('bob');
    const forBob = notices.filter((n) => n.to === 'bob');
    expect(forBob).toHaveLength(2);
    expect(forBob.map((n) => n.type).sort()).toEqual(['simple', 'simulcast']);
    // Racing triggers never consume a producer twice.
    await Promise.all([room.receiveExisting('bob'), room.receiveExisting('bob')]);
    expect(notices.filter((n) => n.to === 'bob')).toHaveLength(2);

    const simulcast = forBob.find((n) => n.type === 'simulcast')!;
    await room.setConsumerPaused('bob', simulcast.consumerId, false);
    await room.setPreferredLayers('bob', simulcast.consumerId, { spatialLayer: 0, temporalLayer: 0 });
    expect(bobRecv.id).toBeTruthy();

    expect(room.stats()).toMatchObject({ peers: 2, transports: 2, producers: 2, consumers: 2 });
    // Alice's socket dies: her transports close, Bob is told his consumers closed.
    room.closePeerMedia('alice');
    await waitFor(() => closed.length === 2, 'consumerClosed for both of alice’s producers');
    expect(room.stats()).toMatchObject({ peers: 2, transports: 1, producers: 0, consumers: 0 });
    room.removePeer('alice');
    room.removePeer('bob');
    expect(room.stats()).toMatchObject({ peers: 0, transports: 0, producers: 0, consumers: 0 });
    rooms.release(102);
  });

  it('refuses a producer whose kind does not fit its source, or a second one for the same source', async () => {
    const room = await rooms.getOrCreate(103);
    const carol = await fakePeer(room, 'carol');
    carol.join();
    const send = await carol.transport('send');
    await expect(
      send.produce({ track: new FakeMediaStreamTrack({ kind: 'audio' }), appData: { source: 'webcam' } }),
    ).rejects.toThrow(/webcam producer must be video/);
    await send.produce({ track: new FakeMediaStreamTrack({ kind: 'audio' }), appData: { source: 'mic' } });
    await expect(
      send.produce({ track: new FakeMediaStreamTrack({ kind: 'audio' }), appData: { source: 'mic' } }),
    ).rejects.toThrow(/already sends mic/);
    rooms.release(103);
  });

  it('moves a room to a live worker when its worker is killed and tells listeners to rejoin', async () => {
    const room = await rooms.getOrCreate(104);
    const dave = await fakePeer(room, 'dave');
    dave.join();
    await dave.transport('send');
    const oldPid = room.workerPid;
    const oldRouter = room.router;
    const restarted = new Promise<void>((resolve) => room.once('restarted', resolve));
    process.kill(oldPid, 'SIGKILL');
    await restarted;
    expect(oldRouter.closed).toBe(true);
    expect(room.router.closed).toBe(false);
    expect(room.workerPid).not.toBe(oldPid);
    expect(pool.pids).toContain(room.workerPid);
    expect(room.stats()).toMatchObject({ peers: 1, transports: 0, producers: 0, consumers: 0 });
    // The peer can start over on the new router.
    const again = await fakePeer(room, 'dave');
    again.join();
    await again.transport('send');
    expect(room.stats().transports).toBe(1);
    expect(rooms.restarts).toBe(1);
    rooms.release(104);
  });
});
