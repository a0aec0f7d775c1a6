import { Device } from 'mediasoup-client';
import type { types as ms } from 'mediasoup-client';
import { MediaSourceSchema } from '@meetai/shared';
import type { MediaKind, RtpCapabilitiesDto, TransportOptions } from '@meetai/shared';
import type { DeviceFactory, MediaDevice, MediaTransport, TransportHandlers } from './media-device';

/*
 * The only module that imports mediasoup-client. The casts below turn the
 * shared contract's loose parameter shapes into mediasoup's precise types:
 * those objects came from the server's mediasoup and are validated again by
 * mediasoup-client (ortc) before use, so the shapes are checked where it counts.
 */

interface ProducerAppData extends ms.AppData {
  source: string;
  isPaused: boolean;
}

function adaptTransport(transport: ms.Transport, handlers: TransportHandlers): MediaTransport {
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    handlers.connect(dtlsParameters).then(callback, errback);
  });
  transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
    const source = MediaSourceSchema.safeParse(appData.source);
    if (!source.success) {
      errback(new Error('produce() needs appData.source'));
      return;
    }
    handlers
      .produce({ kind, rtpParameters, source: source.data, isPaused: appData.isPaused === true })
      .then((id) => callback({ id }), errback);
  });
  transport.on('connectionstatechange', (state) => handlers.connectionStateChange(state));

  return {
    get id() {
      return transport.id;
    },
    get connectionState() {
      return transport.connectionState;
    },
    get closed() {
      return transport.closed;
    },
    produce: ({ track, source, encodings, codecOptions, isPaused }) =>
      transport.produce<ProducerAppData>({
        track,
        encodings: encodings as ms.RtpEncodingParameters[] | undefined,
        codecOptions,
        // The RoomClient owns track lifetimes: it keeps them across reconnects.
        stopTracks: false,
        appData: { source, isPaused },
      }),
    consume: ({ id, producerId, kind, rtpParameters, streamId }) =>
      transport.consume({
        id,
        producerId,
        kind,
        streamId,
        rtpParameters: rtpParameters as unknown as ms.RtpParameters,
      }),
    restartIce: (iceParameters) => transport.restartIce({ iceParameters }),
    getStats: () => transport.getStats(),
    close: () => transport.close(),
  };
}

function toMediasoupOptions(options: TransportOptions): ms.TransportOptions {
  return options as unknown as ms.TransportOptions;
}

class MediasoupDevice implements MediaDevice {
  constructor(private readonly device: Device) {}

  get rtpCapabilities(): RtpCapabilitiesDto {
    return this.device.rtpCapabilities;
  }

  load(routerRtpCapabilities: RtpCapabilitiesDto): Promise<void> {
    return this.device.load({ routerRtpCapabilities: routerRtpCapabilities as ms.RtpCapabilities });
  }

  canProduce(kind: MediaKind): boolean {
    return this.device.canProduce(kind);
  }

  createSendTransport(options: TransportOptions, handlers: TransportHandlers): MediaTransport {
    return adaptTransport(this.device.createSendTransport(toMediasoupOptions(options)), handlers);
  }

  createRecvTransport(options: TransportOptions, handlers: TransportHandlers): MediaTransport {
    return adaptTransport(this.device.createRecvTransport(toMediasoupOptions(options)), handlers);
  }
}

/** Wraps a Device built elsewhere, e.g. with mediasoup-client's FakeHandler to drive a real server from Node. */
export function adaptMediasoupDevice(device: Device): MediaDevice {
  return new MediasoupDevice(device);
}

/** Detects the browser's handler (Chrome111 in Chromium and Electron). */
export const createMediasoupDevice: DeviceFactory = async () => adaptMediasoupDevice(await Device.factory());
