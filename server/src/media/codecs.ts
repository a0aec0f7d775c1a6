import type { types as ms } from 'mediasoup';

/**
 * The router's codecs, in order of preference (clients pick the first they
 * share). Opus asks for in-band FEC and DTX: FEC hides lost packets on poor
 * networks, DTX saves bandwidth while a participant is silent. VP8 comes first
 * among video codecs because every browser encodes it and simulcast works with
 * it; H264 is offered for clients that can only do hardware H264.
 */
export const ROUTER_MEDIA_CODECS: ms.RouterRtpCodecCapability[] = [
  {
    kind: 'audio',
    mimeType: 'audio/opus',
    clockRate: 48000,
    channels: 2,
    parameters: { useinbandfec: 1, usedtx: 1 },
  },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 1000 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 1000,
    },
  },
];
