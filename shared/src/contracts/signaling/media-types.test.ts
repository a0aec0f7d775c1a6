import { describe, expect, it } from 'vitest';
import {
  DTLS_PARAMETERS,
  ICE_CANDIDATE,
  ICE_PARAMETERS,
  RTP_CAPABILITIES,
  RTP_PARAMETERS,
  TRANSPORT_OPTIONS,
  VP8_CODEC,
} from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as media from './media-types';

describeSchemas('signaling media-types contracts', media, {
  RtpCodecSchema: {
    valid: [VP8_CODEC, { mimeType: 'audio/opus', clockRate: 48000, channels: 2 }],
    invalid: [
      { ...VP8_CODEC, kind: 'data' },
      { ...VP8_CODEC, clockRate: 0 },
      { ...VP8_CODEC, clockRate: '90000' },
      { ...VP8_CODEC, mimeType: 'x'.repeat(65) },
      { ...VP8_CODEC, rtcpFeedback: [{ parameter: 'pli' }] },
      { clockRate: 90000 },
    ],
  },
  RtpCapabilitiesSchema: {
    valid: [RTP_CAPABILITIES, {}, { codecs: [] }],
    invalid: [{ codecs: VP8_CODEC }, { codecs: Array(65).fill(VP8_CODEC) }, { headerExtensions: ['mid'] }, null],
  },
  RtpParametersSchema: {
    valid: [RTP_PARAMETERS, { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000 }] }],
    invalid: [
      { ...RTP_PARAMETERS, codecs: undefined },
      { ...RTP_PARAMETERS, codecs: [{ mimeType: 'video/VP8', clockRate: 90000 }] },
      { ...RTP_PARAMETERS, codecs: [{ mimeType: 'video/VP8', payloadType: 96.5, clockRate: 90000 }] },
      { ...RTP_PARAMETERS, encodings: Array(9).fill({ ssrc: 1 }) },
      { ...RTP_PARAMETERS, mid: 'x'.repeat(33) },
      { ...RTP_PARAMETERS, rtcp: 'reduced' },
    ],
  },
  DtlsParametersSchema: {
    valid: [DTLS_PARAMETERS, { fingerprints: DTLS_PARAMETERS.fingerprints }],
    invalid: [
      { ...DTLS_PARAMETERS, fingerprints: [] },
      { ...DTLS_PARAMETERS, role: 'passive' },
      { role: 'client' },
      { fingerprints: [{ algorithm: 'sha-256' }] },
      { fingerprints: Array(9).fill(DTLS_PARAMETERS.fingerprints[0]) },
    ],
  },
  IceParametersSchema: {
    valid: [ICE_PARAMETERS, { usernameFragment: 'u', password: 'p' }],
    invalid: [{ usernameFragment: 'u' }, { ...ICE_PARAMETERS, iceLite: 'true' }],
  },
  IceCandidateSchema: {
    valid: [ICE_CANDIDATE, { ...ICE_CANDIDATE, protocol: 'tcp', tcpType: 'passive', ip: undefined }],
    invalid: [
      { ...ICE_CANDIDATE, protocol: 'sctp' },
      { ...ICE_CANDIDATE, port: 40123.5 },
      { ...ICE_CANDIDATE, address: undefined },
      { ...ICE_CANDIDATE, priority: '1' },
    ],
  },
  TransportOptionsSchema: {
    valid: [
      TRANSPORT_OPTIONS,
      {
        ...TRANSPORT_OPTIONS,
        iceCandidates: [],
        sctpParameters: { port: 5000, OS: 1024, MIS: 1024, maxMessageSize: 262144 },
      },
    ],
    invalid: [
      { ...TRANSPORT_OPTIONS, id: '' },
      { ...TRANSPORT_OPTIONS, id: 'x'.repeat(129) },
      { ...TRANSPORT_OPTIONS, dtlsParameters: undefined },
      { ...TRANSPORT_OPTIONS, iceCandidates: [{ ...ICE_CANDIDATE, protocol: 'quic' }] },
    ],
  },
  MediaSourceSchema: { valid: ['mic', 'webcam', 'screen', 'screen-audio'], invalid: ['camera', 'audio', ''] },
  MediaKindSchema: { valid: ['audio', 'video'], invalid: ['data', 'Audio'] },
  EntityIdSchema: {
    valid: ['8694f268-581d-4add-ad2d-df3249279669', 'x', 'x'.repeat(128)],
    invalid: ['', 'x'.repeat(129), 42],
  },
});

describe('mediasoup parameter objects', () => {
  it('keep the fields the contract does not name, so mediasoup receives them intact', () => {
    const parsed = media.RtpCapabilitiesSchema.parse(RTP_CAPABILITIES);
    expect(parsed).toEqual(RTP_CAPABILITIES);
    expect(media.RtpParametersSchema.parse(RTP_PARAMETERS)).toEqual(RTP_PARAMETERS);
    expect(media.TransportOptionsSchema.parse(TRANSPORT_OPTIONS)).toEqual(TRANSPORT_OPTIONS);
  });
});
