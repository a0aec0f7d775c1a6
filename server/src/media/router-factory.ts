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

export type TransportListenSettings = Pick<MediaSettings, 'listenIp' | 'announcedIp' | 'rtcMinPort' | 'rtcMaxPort'>;

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
 * that block UDP. The announced address is what goes into ICE candidates.
 */
export function createPeerTransport(
  router: ms.Router,
  listen: TransportListenSettings,
  appData: { peerId: string; direction: TransportDirection },
): Promise<ms.WebRtcTransport<TransportAppData>> {
  const portRange = { min: listen.rtcMinPort, max: listen.rtcMaxPort };
  const announcedAddress = listen.announcedIp;
  return router.createWebRtcTransport<TransportAppData>({
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
}
