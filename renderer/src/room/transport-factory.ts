import type { MediaDevice, MediaTransport, TransportConnectionState, TransportHandlers } from './media/media-device';
import type { SignalingConnection } from './signaling-client';

/**
 * Asks the server for a WebRTC transport and builds our side of it, wired so
 * that mediasoup-client's `connect` and `produce` events become signaling
 * requests on this connection.
 */
export async function openTransport(
  signaling: SignalingConnection,
  device: MediaDevice,
  direction: 'send' | 'recv',
  onStateChange: (transport: MediaTransport, state: TransportConnectionState) => void,
): Promise<MediaTransport> {
  const options = await signaling.request('createWebRtcTransport', { direction });
  const transportId = options.id;
  const handlers: TransportHandlers = {
    async connect(dtlsParameters) {
      await signaling.request('connectTransport', { transportId, dtlsParameters });
    },
    async produce({ kind, rtpParameters, source, isPaused }) {
      const { producerId } = await signaling.request('produce', {
        transportId,
        kind,
        rtpParameters,
        source,
        paused: isPaused,
      });
      return producerId;
    },
    connectionStateChange: (state) => onStateChange(transport, state),
  };
  const transport =
    direction === 'send'
      ? device.createSendTransport(options, handlers)
      : device.createRecvTransport(options, handlers);
  return transport;
}
