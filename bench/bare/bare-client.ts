import { Device, type types } from 'mediasoup-client';
import {
  MIC_CODEC_OPTIONS,
  MIC_CONSTRAINTS,
  WEBCAM_CODEC_OPTIONS,
  WEBCAM_CONSTRAINTS,
  WEBCAM_ENCODINGS,
} from '../../renderer/src/room/media/encodings';

/*
 * The floor of the join-time bench: mediasoup-client and nothing else (no
 * React, no store, no REST, no schemas), joining through the real server's
 * signaling in mediasoup-demo's order: socket, router capabilities, device,
 * transports, join, then consume and resume what arrives and, when asked,
 * send a camera and a microphone with the app's own encodings. Bundled by the
 * bench (esbuild) and served on the server's origin; runs in Chromium.
 */

type Json = Record<string, unknown>;
type Pending = { resolve(data: Json): void; reject(error: Error): void };

/** Requests answered by id, notifications to one listener: the server's framing, read loosely. */
class BareSignaling {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  onNotification: (type: string, data: Json) => void = () => undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.onmessage = (event: MessageEvent) => {
      const frame = JSON.parse(String(event.data)) as Json;
      if (typeof frame.type === 'string') {
        this.onNotification(frame.type, frame.data as Json);
        return;
      }
      const request = this.pending.get(frame.id as number);
      if (!request) return;
      this.pending.delete(frame.id as number);
      if (frame.ok) request.resolve(frame.data as Json);
      else request.reject(new Error(JSON.stringify(frame.error)));
    };
  }

  static open(url: string): Promise<BareSignaling> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.onopen = () => resolve(new BareSignaling(socket));
      socket.onclose = (event) => reject(new Error(`socket closed ${event.code} ${event.reason}`));
    });
  }

  request(method: string, data: Json): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, data }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

async function openTransport(
  signaling: BareSignaling,
  device: Device,
  direction: 'send' | 'recv',
): Promise<types.Transport> {
  const options = (await signaling.request('createWebRtcTransport', {
    direction,
  })) as unknown as types.TransportOptions;
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    signaling
      .request('connectTransport', { transportId: transport.id, dtlsParameters })
      .then(() => callback(), errback);
  });
  transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
    signaling
      .request('produce', { transportId: transport.id, kind, rtpParameters, source: appData.source, paused: false })
      .then((answer) => callback({ id: String(answer.producerId) }), errback);
  });
  return transport;
}

let current: BareSignaling | null = null;

/** Joins with a ticket's socket URL; resolves once joined (frames may arrive before or after). */
async function bareJoin(url: string, options: { isSending: boolean }): Promise<void> {
  const signaling = await BareSignaling.open(url);
  current = signaling;
  const { rtpCapabilities } = await signaling.request('getRouterRtpCapabilities', {});
  const device = new Device();
  await device.load({ routerRtpCapabilities: rtpCapabilities as types.RtpCapabilities });
  const send = options.isSending ? await openTransport(signaling, device, 'send') : null;
  const recv = await openTransport(signaling, device, 'recv');
  signaling.onNotification = (type, data) => {
    if (type !== 'newConsumer') return;
    void (async () => {
      const consumer = await recv.consume({
        id: String(data.consumerId),
        producerId: String(data.producerId),
        kind: data.kind as types.MediaKind,
        rtpParameters: data.rtpParameters as types.RtpParameters,
      });
      if (consumer.kind === 'video') {
        // Shown, as in the app: Chromium decodes a track that is on screen.
        const video = document.createElement('video');
        video.muted = true;
        video.playsInline = true;
        video.autoplay = true;
        video.srcObject = new MediaStream([consumer.track]);
        document.body.append(video);
      }
      await signaling.request('resumeConsumer', { consumerId: consumer.id });
    })();
  };
  await signaling.request('join', { displayName: 'bare', rtpCapabilities: device.rtpCapabilities });
  if (!send) return;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: MIC_CONSTRAINTS, video: WEBCAM_CONSTRAINTS });
  const [audio] = stream.getAudioTracks();
  const [video] = stream.getVideoTracks();
  await Promise.all([
    audio ? send.produce({ track: audio, codecOptions: MIC_CODEC_OPTIONS, appData: { source: 'mic' } }) : null,
    video
      ? send.produce({
          track: video,
          encodings: WEBCAM_ENCODINGS.map((encoding) => ({ ...encoding })),
          codecOptions: WEBCAM_CODEC_OPTIONS,
          appData: { source: 'webcam' },
        })
      : null,
  ]);
}

/** Leaves for good (no reconnection grace on the server), so the next run starts from an empty seat. */
async function bareLeave(): Promise<void> {
  const signaling = current;
  current = null;
  if (!signaling) return;
  await signaling.request('leave', {}).catch(() => undefined);
  signaling.close();
}

Object.assign(window, { bareJoin, bareLeave });
