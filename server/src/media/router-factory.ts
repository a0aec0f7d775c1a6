import type { types as ms } from 'mediasoup';
import { ROUTER_MEDIA_CODECS } from './codecs';
import type { MediaSettings } from './media-settings';
import type { TransportAppData, TransportDirection } from './MediaPeer';

export type RoomRouter = {
  router: ms.Router;
  /** Picks the dominant speaker among the room's microphones. */
  speakerObserver: ms.ActiveSpeakerObserver;
  workerPid: number;
};

export type TransportListenSettings = Pick<
  MediaSettings,
  'listenIp' | 'announcedIp' | 'rtcMinPort' | 'rtcMaxPort' | 'maxIncomingBitrate'
>;

export async function createRoomRouter(worker: ms.Worker, meetingId: number): Promise<RoomRouter> {
  const router = await worker.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS, appData: { meetingId } });
  try {
    const speakerObserver = await router.createActiveSpeakerObserver({ interval: 300 });
    return { router, speakerObserver, workerPid: worker.pid };
  } catch (err) {
    router.close();
    throw err;
  }
}

/**
 * UDP and TCP on the same range: UDP is preferred, TCP gets through networks
 * that block UDP. The announced address is what goes into ICE candidates. A
 * send transport is capped at `maxIncomingBitrate`: mediasoup tells the
 * client's congestion control (REMB / transport-cc) to stay below it.
 */
export async function createPeerTransport(
  router: ms.Router,
  listen: TransportListenSettings,
  appData: { peerId: string; direction: TransportDirection },
): Promise<ms.WebRtcTransport<TransportAppData>> {
  const portRange = { min: listen.rtcMinPort, max: listen.rtcMaxPort };
  const announcedAddress = listen.announcedIp;
  const transport = await router.createWebRtcTransport<TransportAppData>({
    listenInfos: [
      { protocol: 'udp', ip: listen.listenIp, announcedAddress, portRange },
      { protocol: 'tcp', ip: listen.listenIp, announcedAddress, portRange },
    ],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 1_000_000,
    appData,
  });
  if (appData.direction === 'send') {
    try {
      await transport.setMaxIncomingBitrate(listen.maxIncomingBitrate);
    } catch (err) {
      transport.close();
      throw err;
    }
  }
  return transport;
}
