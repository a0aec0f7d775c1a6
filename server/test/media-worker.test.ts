import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { types as ms } from 'mediasoup';
import { WorkerPool } from '../src/media/worker-pool';
import { ROUTER_MEDIA_CODECS } from '../src/media/codecs';
import { createPeerTransport } from '../src/media/router-factory';
import { waitFor } from './media-helpers';

const log = pino({ level: 'silent' });
const listen = {
  listenIp: '127.0.0.1',
  announcedIp: '127.0.0.1',
  rtcMinPort: 47000,
  rtcMaxPort: 47499,
  maxIncomingBitrate: 2_500_000,
};

/** A minimal RTP packet (version 2, opus payload type 100) with the given sequence number. */
function rtpPacket(seq: number, ssrc: number): Buffer {
  const packet = Buffer.alloc(12 + 20);
  packet[0] = 0x80;
  packet[1] = 100;
  packet.writeUInt16BE(seq, 2);
  packet.writeUInt32BE(seq * 960, 4);
  packet.writeUInt32BE(ssrc, 8);
  return packet;
}

describe('mediasoup worker (real binary)', () => {
  const pool = new WorkerPool(
    { workers: 2, rtcMinPort: listen.rtcMinPort, rtcMaxPort: listen.rtcMaxPort, logLevel: 'warn' },
    log,
  );

  beforeAll(async () => {
    await pool.start();
  });
  afterAll(() => pool.close());

  it('creates a router with our codecs and a WebRtcTransport with UDP and TCP candidates in the port range', async () => {
    const worker = pool.pick();
    expect(worker).toBeDefined();
    const router = await worker!.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS });
    try {
      const mimeTypes = router.rtpCapabilities.codecs?.map((c) => c.mimeType);
      expect(mimeTypes).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
      const opus = router.rtpCapabilities.codecs?.find((c) => c.mimeType === 'audio/opus');
      expect(opus?.parameters).toMatchObject({ useinbandfec: 1, usedtx: 1 });

      const transport = await createPeerTransport(router, listen, { peerId: 'p1', direction: 'send' });
      const protocols = transport.iceCandidates.map((c) => c.protocol).sort();
      expect(protocols).toEqual(['tcp', 'udp']);
      for (const candidate of transport.iceCandidates) {
        expect(candidate.address).toBe('127.0.0.1');
        expect(candidate.port).toBeGreaterThanOrEqual(listen.rtcMinPort);
        expect(candidate.port).toBeLessThanOrEqual(listen.rtcMaxPort);
      }
      expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
      // A send transport carries the configured cap on what the client may send; a recv transport does not.
      const [sendStats] = await transport.getStats();
      expect(sendStats?.maxIncomingBitrate).toBe(2_500_000);
      const recv = await createPeerTransport(router, listen, { peerId: 'p1', direction: 'recv' });
      const [recvStats] = await recv.getStats();
      expect(recvStats?.maxIncomingBitrate ?? 0).toBe(0);
    } finally {
      router.close();
    }
  });

  it('pipes a producer between two workers with SRTP and RTP actually flows through the pipe', async () => {
    const [workerA, workerB] = [pool.pick()!, pool.pick()!];
    expect(workerA.pid).not.toBe(workerB.pid);
    const routerA = await workerA.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS });
    const routerB = await workerB.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS });
    const socket = dgram.createSocket('udp4');
    try {
      const plain = await routerA.createPlainTransport({
        listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
        rtcpMux: true,
        comedia: true,
      });
      const ssrc = 22222222;
      const producer = await plain.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
          encodings: [{ ssrc }],
        },
      });
      const { pipeProducer, pipeConsumer } = await routerA.pipeToRouter({
        producerId: producer.id,
        router: routerB,
        enableSrtp: true,
      });
      expect(pipeProducer?.id).toBe(producer.id);
      expect(pipeConsumer).toBeDefined();

      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
      let seq = 1;
      const sender = setInterval(() => socket.send(rtpPacket(seq++, ssrc), plain.tuple.localPort, '127.0.0.1'), 20);
      try {
        await waitFor(async () => {
          const stats = (await pipeProducer!.getStats()) as ms.ProducerStat[];
          return stats.some((s) => s.byteCount > 0);
        }, 'RTP to arrive on the piped producer in the other worker');
      } finally {
        clearInterval(sender);
      }
    } finally {
      socket.close();
      routerA.close();
      routerB.close();
    }
  });

  it('spreads routers over the least-loaded workers', async () => {
    const first = pool.pick()!;
    const router = await first.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS });
    try {
      expect(pool.pick()!.pid).not.toBe(first.pid);
      expect(pool.pick()!.pid).not.toBe(first.pid);
    } finally {
      router.close();
    }
  });

  it('replaces a worker whose process is killed', async () => {
    const victim = pool.pick()!;
    const died = new Promise<Error>((resolve) => pool.once('workerDied', (_w, error) => resolve(error)));
    const added = new Promise<ms.Worker>((resolve) => pool.once('workerAdded', resolve));
    process.kill(victim.pid, 'SIGKILL');
    await died;
    const replacement = await added;
    expect(replacement.pid).not.toBe(victim.pid);
    expect(pool.size).toBe(2);
    expect(pool.pids).not.toContain(victim.pid);
    expect(pool.deaths).toBe(1);
    const router = await replacement.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS });
    expect(router.closed).toBe(false);
    router.close();
  });
});
