#!/usr/bin/env node
// Smoke test for the installed mediasoup worker binary, in particular one built
// by scripts/build-mediasoup-worker.sh against Debian's libraries.
//
//   node scripts/check-mediasoup-worker.mjs      -> prints OK, exit code 0
//
// It exercises the parts our local build changes, not just "does it start":
//   1. two workers, a router with opus + VP8 on each;
//   2. a WebRtcTransport on 127.0.0.1, taken through ICE (hand-made STUN
//      request) and a real DTLS 1.2 handshake driven by `openssl s_client`,
//      which is where the BIO-callback bug crashed the worker with Debian's
//      OpenSSL (skipped, with a notice, if the openssl CLI is missing);
//   3. pipeToRouter between the two workers with enableSrtp, with RTP packets
//      actually sent through it, so the libsrtp3->libsrtp2 compatibility layer
//      encrypts and decrypts real traffic.
// Everything is closed at the end.

import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

// Resolve mediasoup the way the server workspace does.
const require = createRequire(new URL('../server/package.json', import.meta.url));
const mediasoup = require('mediasoup');

const mediaCodecs = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
];

const step = (msg) => console.log(`- ${msg}`);

// Cleanups that must also happen when a failure (e.g. a worker crash) ends the
// process while a check is still awaiting something.
const exitCleanups = [];
process.on('exit', () => {
  for (const cleanup of exitCleanups) {
    try {
      cleanup();
    } catch {
      // best effort
    }
  }
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function udpSocket() {
  const socket = dgram.createSocket('udp4');
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

// --- STUN (RFC 5389 / ICE RFC 8445) -------------------------------------------
// mediasoup is ICE-lite: it only answers Binding requests and, with
// USE-CANDIDATE, selects that tuple. It insists on USERNAME, PRIORITY,
// MESSAGE-INTEGRITY and FINGERPRINT.

function stunAttr(type, value) {
  const padding = (4 - (value.length % 4)) % 4;
  const attr = Buffer.alloc(4 + value.length + padding);
  attr.writeUInt16BE(type, 0);
  attr.writeUInt16BE(value.length, 2);
  value.copy(attr, 4);
  return attr;
}

function u32(value) {
  const buf = Buffer.alloc(4);
  buf.writeUInt32BE(value >>> 0, 0);
  return buf;
}

function stunBindingRequest({ serverUfrag, clientUfrag, serverPassword }) {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0001, 0); // Binding request
  header.writeUInt32BE(0x2112a442, 4); // magic cookie
  crypto.randomBytes(12).copy(header, 8); // transaction id
  let msg = Buffer.concat([
    header,
    stunAttr(0x0006, Buffer.from(`${serverUfrag}:${clientUfrag}`)), // USERNAME
    stunAttr(0x0024, u32(0x6e7f1eff)), // PRIORITY
    stunAttr(0x802a, crypto.randomBytes(8)), // ICE-CONTROLLING (tie breaker)
    stunAttr(0x0025, Buffer.alloc(0)), // USE-CANDIDATE
  ]);
  // MESSAGE-INTEGRITY covers the message with the length field already
  // counting the MESSAGE-INTEGRITY attribute itself (4 + 20 bytes).
  msg.writeUInt16BE(msg.length - 20 + 24, 2);
  const hmac = crypto.createHmac('sha1', serverPassword).update(msg).digest();
  msg = Buffer.concat([msg, stunAttr(0x0008, hmac)]);
  // FINGERPRINT likewise counts itself (4 + 4 bytes).
  msg.writeUInt16BE(msg.length - 20 + 8, 2);
  const fingerprint = (zlib.crc32(msg) ^ 0x5354554e) >>> 0;
  return Buffer.concat([msg, stunAttr(0x8028, u32(fingerprint))]);
}

const isStun = (msg) => msg.length >= 20 && msg[0] < 2;

function hasOpensslCli() {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// --- 2. ICE + DTLS over a WebRtcTransport --------------------------------------
async function checkDtlsHandshake(router) {
  const transport = await router.createWebRtcTransport({
    listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }],
  });
  const candidate = transport.iceCandidates[0];
  step(`WebRtcTransport listening on ${candidate.address}:${candidate.port}/${candidate.protocol}`);

  if (!hasOpensslCli()) {
    step('SKIPPED DTLS handshake: no openssl CLI on PATH');
    transport.close();
    return;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mediasoup-check-'));
  exitCleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const certFile = path.join(tmp, 'cert.pem');
  const keyFile = path.join(tmp, 'key.pem');
  const sockets = [];
  let client;
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        '/CN=mediasoup-check',
        '-days',
        '1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    const fingerprint = new crypto.X509Certificate(fs.readFileSync(certFile)).fingerprint256;

    // `peer` is the ICE-validated tuple facing mediasoup. openssl s_client
    // cannot send STUN, so it talks to `relay`, which forwards its datagrams
    // through `peer` (and mediasoup's answers back).
    const peer = await udpSocket();
    const relay = await udpSocket();
    sockets.push(peer, relay);
    let clientAddr;
    relay.on('message', (msg, rinfo) => {
      clientAddr = rinfo;
      peer.send(msg, candidate.port, candidate.address);
    });
    peer.on('message', (msg) => {
      if (!isStun(msg) && clientAddr) relay.send(msg, clientAddr.port, clientAddr.address);
    });

    const iceUp = new Promise((resolve) => {
      transport.on('icestatechange', (state) => {
        if (state === 'connected' || state === 'completed') resolve(state);
      });
    });
    const stun = stunBindingRequest({
      serverUfrag: transport.iceParameters.usernameFragment,
      clientUfrag: 'chk1',
      serverPassword: transport.iceParameters.password,
    });
    const resend = setInterval(() => peer.send(stun, candidate.port, candidate.address), 200);
    peer.send(stun, candidate.port, candidate.address);
    const iceState = await withTimeout(iceUp, 5000, 'ICE after STUN Binding request').finally(() =>
      clearInterval(resend),
    );
    step(`ICE ${iceState}`);

    const dtlsDone = new Promise((resolve, reject) => {
      transport.on('dtlsstatechange', (state) => {
        if (state === 'connected') resolve();
        else if (state === 'failed' || state === 'closed') reject(new Error(`DTLS ${state}`));
      });
    });
    // We are the DTLS client, so the worker is the DTLS server (as with a
    // browser that answers with a=setup:active).
    await transport.connect({
      dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: fingerprint }] },
    });

    let clientOutput = '';
    client = spawn(
      'openssl',
      [
        's_client',
        '-dtls1_2',
        '-connect',
        `127.0.0.1:${relay.address().port}`,
        '-cert',
        certFile,
        '-key',
        keyFile,
        // GCM first, as browsers offer it: exercises libsrtp2's GCM path too.
        '-use_srtp',
        'SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] }, // stdin stays open: s_client would quit on EOF
    );
    exitCleanups.push(() => client.kill());
    client.stdout.on('data', (d) => (clientOutput += d));
    client.stderr.on('data', (d) => (clientOutput += d));
    await withTimeout(dtlsDone, 10000, 'DTLS handshake').catch((error) => {
      throw new Error(`${error.message}\n--- openssl s_client output ---\n${clientOutput}`);
    });
    await sleep(300); // let s_client print the session summary
    const profile = /SRTP Extension negotiated, profile=(\S+)/.exec(clientOutput)?.[1] ?? 'unknown';
    step(`DTLS handshake with openssl s_client done (dtlsState=${transport.dtlsState}, SRTP profile ${profile})`);
  } finally {
    client?.kill();
    for (const socket of sockets) socket.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    transport.close();
  }
}

// --- 3. pipeToRouter with SRTP, with real RTP flowing -------------------------
async function checkSrtpPipe(router1, router2) {
  const sender = await udpSocket();
  const sink = await udpSocket();
  try {
    const ingress = await router1.createPlainTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: true,
    });
    const producerSsrc = 22222222;
    const producer = await ingress.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
        encodings: [{ ssrc: producerSsrc }],
      },
    });

    // The only transports created during pipeToRouter are its two pipe transports.
    const pipeTransports = [];
    const onNewTransport = (t) => pipeTransports.push(t);
    router1.observer.on('newtransport', onNewTransport);
    router2.observer.on('newtransport', onNewTransport);
    try {
      await router1.pipeToRouter({ producerId: producer.id, router: router2, enableSrtp: true });
    } finally {
      router1.observer.off('newtransport', onNewTransport);
      router2.observer.off('newtransport', onNewTransport);
    }
    const suites = pipeTransports.map((t) => t.srtpParameters?.cryptoSuite ?? 'none');
    step(`pipeToRouter across workers with enableSrtp (pipe transports' SRTP: ${suites.join(', ')})`);
    if (suites.length !== 2 || suites.includes('none')) throw new Error('pipe transports are not using SRTP');

    const egress = await router2.createPlainTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: false,
    });
    await egress.connect({ ip: '127.0.0.1', port: sink.address().port });
    const consumer = await egress.consume({ producerId: producer.id, rtpCapabilities: router2.rtpCapabilities });
    const consumerSsrc = consumer.rtpParameters.encodings[0].ssrc;

    let received = 0;
    sink.on('message', (msg) => {
      const isRtcp = msg.length >= 2 && msg[1] >= 192 && msg[1] <= 223; // RFC 5761 demux
      if (!isRtcp && msg.length >= 12 && msg.readUInt32BE(8) === consumerSsrc) received += 1;
    });

    const total = 50;
    for (let seq = 1; seq <= total; seq += 1) {
      const packet = Buffer.alloc(12 + 60, 0x78); // opus-ish payload
      packet[0] = 0x80; // RTP v2
      packet[1] = 111; // payload type
      packet.writeUInt16BE(seq, 2);
      packet.writeUInt32BE(seq * 960, 4);
      packet.writeUInt32BE(producerSsrc, 8);
      sender.send(packet, ingress.tuple.localPort, ingress.tuple.localAddress);
      await sleep(10);
    }
    await sleep(500);
    step(`RTP through the SRTP pipe: sent ${total}, received ${received}`);
    if (received < total / 2) throw new Error(`only ${received}/${total} RTP packets made it through the SRTP pipe`);
  } finally {
    sender.close();
    sink.close();
  }
}

async function main() {
  step(`mediasoup ${mediasoup.version}, worker binary ${process.env.MEDIASOUP_WORKER_BIN || mediasoup.workerBin}`);

  const workers = [];
  let onWorkerDied;
  const workerDied = new Promise((_, reject) => {
    onWorkerDied = (worker, error) => reject(new Error(`worker ${worker.pid} died: ${error?.message ?? error}`));
  });
  try {
    for (let i = 0; i < 2; i += 1) {
      const worker = await mediasoup.createWorker({ logLevel: 'warn' });
      worker.on('died', (error) => onWorkerDied(worker, error));
      workers.push(worker);
    }
    step(`2 workers started (pids ${workers.map((w) => w.pid).join(', ')})`);

    const run = async () => {
      const [router1, router2] = await Promise.all(workers.map((w) => w.createRouter({ mediaCodecs })));
      step(`routers created (codecs: ${router1.rtpCapabilities.codecs.map((c) => c.mimeType).join(', ')})`);
      await checkDtlsHandshake(router1);
      await checkSrtpPipe(router1, router2);
      // A crash right after the handshake or media would surface here.
      await Promise.all(workers.map((w) => w.getResourceUsage()));
    };
    await Promise.race([run(), workerDied]);
  } finally {
    for (const worker of workers) worker.close();
  }
  console.log('OK');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`FAILED: ${error.stack ?? error}`);
    process.exit(1);
  },
);
