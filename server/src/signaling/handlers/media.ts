import type { types as ms } from 'mediasoup';
import type { RtpCapabilitiesDto } from '@meetai/shared';
import { assertMayUnmute } from '../mute-hold';
import { SignalingError } from '../signaling-error';
import type { HandlerTable } from './types';

/**
 * mediasoup requests, in the order a client sends them. Transports may be
 * created before `join` (the mediasoup-demo order); producing and consuming
 * need it. mediasoup re-checks every parameter object the schemas let through
 * (their shapes are loose on purpose) and throws on what it cannot use.
 */
export const mediaHandlers = {
  getRouterRtpCapabilities: {
    needsJoin: false,
    isMedia: true,
    run: async ({ hub }) => ({ rtpCapabilities: hub.room.rtpCapabilities as RtpCapabilitiesDto }),
  },
  createWebRtcTransport: {
    needsJoin: false,
    isMedia: true,
    run: async ({ hub, peer, after }, { direction }) => {
      const options = await hub.room.createTransport(peer.id, direction);
      // A joined peer receives from its first recv transport on; see Room for the rule.
      if (direction === 'recv') after(() => hub.room.receiveExisting(peer.id));
      return options;
    },
  },
  connectTransport: {
    needsJoin: false,
    isMedia: true,
    run: async ({ hub, peer }, { transportId, dtlsParameters }) => {
      await hub.room.connectTransport(peer.id, transportId, dtlsParameters as ms.DtlsParameters);
      return {};
    },
  },
  restartIce: {
    needsJoin: false,
    isMedia: true,
    run: async ({ hub, peer }, { transportId }) => ({ iceParameters: await hub.room.restartIce(peer.id, transportId) }),
  },
  produce: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer, services, after }, { transportId, kind, rtpParameters, source, paused }) => {
      const max = services.limits.producersPerPeer;
      if (hub.room.producersOf(peer.id).length >= max) {
        throw new SignalingError('LIMIT_REACHED', `A connection may send at most ${max} streams at once.`);
      }
      if (source === 'mic' && !paused) await assertMayUnmute({ hub, peer, services });
      const producer = await hub.room.produce(peer.id, {
        transportId,
        kind,
        rtpParameters: rtpParameters as ms.RtpParameters,
        source,
        paused,
        owner: { userId: peer.user.id, displayName: peer.displayName },
      });
      after(() => hub.room.shareProducer(producer));
      return { producerId: producer.id };
    },
  },
  pauseProducer: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer }, { producerId }) => {
      await hub.room.setProducerPaused(peer.id, producerId, true);
      return {};
    },
  },
  resumeProducer: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer, services }, { producerId }) => {
      const isMic = hub.room.producersOf(peer.id).some((p) => p.producerId === producerId && p.source === 'mic');
      if (isMic) await assertMayUnmute({ hub, peer, services });
      await hub.room.setProducerPaused(peer.id, producerId, false);
      return {};
    },
  },
  closeProducer: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer }, { producerId }) => {
      hub.room.closeProducer(peer.id, producerId);
      return {};
    },
  },
  resumeConsumer: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer }, { consumerId }) => {
      await hub.room.setConsumerPaused(peer.id, consumerId, false);
      return {};
    },
  },
  pauseConsumer: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer }, { consumerId }) => {
      await hub.room.setConsumerPaused(peer.id, consumerId, true);
      return {};
    },
  },
  setPreferredLayers: {
    needsJoin: true,
    isMedia: true,
    run: async ({ hub, peer }, { consumerId, spatialLayer, temporalLayer }) => {
      await hub.room.setPreferredLayers(peer.id, consumerId, { spatialLayer, temporalLayer });
      return {};
    },
  },
} satisfies Partial<HandlerTable>;
