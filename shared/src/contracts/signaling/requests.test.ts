import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ANALYSIS_STATUS,
  CAPTIONS_STATUS,
  CHAT_MESSAGE,
  DTLS_PARAMETERS,
  ICE_PARAMETERS,
  PEER_INFO,
  PEER_STATE,
  RTP_CAPABILITIES,
  RTP_PARAMETERS,
  TRANSPORT_OPTIONS,
} from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import { CHAT_MAX_LENGTH } from './peers';
import * as requests from './requests';
import { isSignalingMethod, SignalingRequests, type SignalingMethod } from './requests';

describeSchemas('signaling request frames', requests, {
  RequestIdSchema: {
    valid: [0, 1, Number.MAX_SAFE_INTEGER],
    invalid: [-1, 1.5, Number.MAX_SAFE_INTEGER + 2, '1', null],
  },
  RequestFrameSchema: {
    valid: [
      { id: 1, method: 'join', data: { displayName: 'Ada', rtpCapabilities: RTP_CAPABILITIES } },
      { id: 0, method: 'leave' },
      { id: 7, method: 'noSuchMethod', data: 'anything' },
    ],
    invalid: [
      { id: -1, method: 'leave' },
      { id: 1.5, method: 'leave' },
      { id: '1', method: 'leave' },
      { id: 1, method: 'leave', data: {}, token: 'x' },
      { method: 'leave' },
      { id: 1, method: 'x'.repeat(65) },
    ],
  },
  SignalingErrorSchema: {
    valid: [{ code: 'NOT_JOINED', message: 'Join the meeting first.' }],
    invalid: [{ code: 'NOT_READY', message: 'x' }, { code: 'NOT_JOINED' }, { code: 404, message: 'x' }],
  },
  ResponseFrameSchema: {
    valid: [
      { id: 1, ok: true, data: { producerId: 'pr-1' } },
      { id: 2, ok: false, error: { code: 'MEDIA_ERROR', message: 'mediasoup refused the RTP parameters.' } },
      { id: null, ok: false, error: { code: 'BAD_MESSAGE', message: 'The message is not a request.' } },
    ],
    invalid: [
      { id: null, ok: false, error: { code: 'SOMETHING_BROKE', message: 'x' } },
      { id: null, ok: true, data: {} },
      { id: 1, ok: false },
      { id: 1, ok: 'true', data: {} },
      { id: -1, ok: true, data: {} },
    ],
  },
});

type AtLeastOne = [unknown, ...unknown[]];

/** One entry per method: adding a method without samples fails the type check. */
const SAMPLES: { [M in SignalingMethod]: { valid: AtLeastOne; invalid: AtLeastOne; response: unknown } } = {
  getRouterRtpCapabilities: {
    valid: [{}],
    invalid: [{ routerId: 'r1' }, null],
    response: { rtpCapabilities: RTP_CAPABILITIES },
  },
  join: {
    valid: [
      { displayName: 'Ada', rtpCapabilities: RTP_CAPABILITIES },
      { displayName: ' 小明 ', rtpCapabilities: {}, state: { isMuted: true } },
      { displayName: 'x'.repeat(64), rtpCapabilities: RTP_CAPABILITIES, state: PEER_STATE },
    ],
    invalid: [
      { displayName: '', rtpCapabilities: RTP_CAPABILITIES },
      { displayName: '   ', rtpCapabilities: RTP_CAPABILITIES },
      { displayName: 'x'.repeat(65), rtpCapabilities: RTP_CAPABILITIES },
      { displayName: 'Ada' },
      { displayName: 'Ada', rtpCapabilities: RTP_CAPABILITIES, role: 'host' },
      { displayName: 'Ada', rtpCapabilities: RTP_CAPABILITIES, state: { isMuted: 'yes' } },
    ],
    response: {
      self: { ...PEER_INFO, producers: [] },
      peers: [PEER_INFO],
      chatHistory: [CHAT_MESSAGE],
      isLocked: false,
      resumed: false,
    },
  },
  createWebRtcTransport: {
    valid: [{ direction: 'send' }, { direction: 'recv' }],
    invalid: [{ direction: 'both' }, {}, { direction: 'send', forceTcp: true }],
    response: TRANSPORT_OPTIONS,
  },
  connectTransport: {
    valid: [{ transportId: TRANSPORT_OPTIONS.id, dtlsParameters: DTLS_PARAMETERS }],
    invalid: [
      { transportId: '', dtlsParameters: DTLS_PARAMETERS },
      { transportId: TRANSPORT_OPTIONS.id, dtlsParameters: { ...DTLS_PARAMETERS, fingerprints: [] } },
      { transportId: TRANSPORT_OPTIONS.id },
      { transportId: TRANSPORT_OPTIONS.id, dtlsParameters: DTLS_PARAMETERS, iceParameters: ICE_PARAMETERS },
    ],
    response: {},
  },
  restartIce: {
    valid: [{ transportId: TRANSPORT_OPTIONS.id }],
    invalid: [{}, { transportId: 5 }, { transportId: TRANSPORT_OPTIONS.id, force: true }],
    response: { iceParameters: ICE_PARAMETERS },
  },
  produce: {
    valid: [
      { transportId: TRANSPORT_OPTIONS.id, kind: 'video', rtpParameters: RTP_PARAMETERS, source: 'webcam' },
      {
        transportId: TRANSPORT_OPTIONS.id,
        kind: 'audio',
        rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000 }] },
        source: 'mic',
        paused: true,
      },
    ],
    invalid: [
      { transportId: TRANSPORT_OPTIONS.id, kind: 'video', rtpParameters: RTP_PARAMETERS, source: 'camera' },
      { transportId: TRANSPORT_OPTIONS.id, kind: 'data', rtpParameters: RTP_PARAMETERS, source: 'webcam' },
      { transportId: TRANSPORT_OPTIONS.id, kind: 'video', source: 'webcam' },
      {
        transportId: TRANSPORT_OPTIONS.id,
        kind: 'video',
        rtpParameters: RTP_PARAMETERS,
        source: 'webcam',
        appData: { source: 'webcam' },
      },
    ],
    response: { producerId: '3ecc784c-3dca-4c4f-a3bd-712c77c8a1d2' },
  },
  pauseProducer: {
    valid: [{ producerId: 'pr-1' }],
    invalid: [{ producerId: '' }, { producerId: 'pr-1', kind: 'audio' }],
    response: {},
  },
  resumeProducer: { valid: [{ producerId: 'pr-1' }], invalid: [{}, { producerId: null }], response: {} },
  closeProducer: {
    valid: [{ producerId: 'pr-1' }],
    invalid: [{ producerId: 'x'.repeat(129) }, { id: 'pr-1' }],
    response: {},
  },
  resumeConsumer: {
    valid: [{ consumerId: 'co-1' }],
    invalid: [{ consumerId: '' }, { consumerId: 'co-1', paused: false }],
    response: {},
  },
  pauseConsumer: {
    valid: [{ consumerId: 'co-1' }],
    invalid: [{ producerId: 'pr-1' }, { consumerId: 1 }],
    response: {},
  },
  setPreferredLayers: {
    valid: [
      { consumerId: 'co-1', spatialLayer: 2 },
      { consumerId: 'co-1', spatialLayer: 0, temporalLayer: 3 },
    ],
    invalid: [
      { consumerId: 'co-1', spatialLayer: 4 },
      { consumerId: 'co-1', spatialLayer: -1 },
      { consumerId: 'co-1', spatialLayer: 1.5 },
      { consumerId: 'co-1', spatialLayer: 1, temporalLayer: 4 },
      { consumerId: 'co-1' },
    ],
    response: {},
  },
  updatePeerState: {
    valid: [{ isHandRaised: true }, { isMuted: true, isCameraOff: false }, PEER_STATE],
    invalid: [{ isMuted: 'true' }, { isMuted: true, displayName: 'Eve' }, null],
    response: { state: PEER_STATE },
  },
  sendChat: {
    valid: [{ text: '大家好' }, { text: 'x'.repeat(CHAT_MAX_LENGTH) }],
    invalid: [
      { text: '' },
      { text: ' \n ' },
      { text: 'x'.repeat(CHAT_MAX_LENGTH + 1) },
      { text: 5 },
      { text: 'hi', to: 'p-2b7f0c' },
    ],
    response: { message: CHAT_MESSAGE },
  },
  muteParticipant: { valid: [{ peerId: 'p-2b7f0c' }], invalid: [{ peerId: '' }, { userId: 2 }], response: {} },
  allowUnmute: { valid: [{ peerId: 'p-2b7f0c' }], invalid: [{}, { peerId: 'p-2b7f0c', unmute: true }], response: {} },
  removeParticipant: {
    valid: [{ peerId: 'p-2b7f0c' }],
    invalid: [{}, { peerId: 'p-2b7f0c', ban: true }],
    response: {},
  },
  lockMeeting: {
    valid: [{ locked: true }, { locked: false }],
    invalid: [{ locked: 'yes' }, {}, { locked: true, passcode: '1234' }],
    response: {},
  },
  endMeeting: { valid: [{}], invalid: [{ reason: 'done' }, 'end'], response: {} },
  setCaptions: {
    valid: [{ enabled: true }, { enabled: false, language: 'zh' }],
    invalid: [{ enabled: 'yes' }, { enabled: true, language: 'fr' }, {}],
    response: { status: CAPTIONS_STATUS },
  },
  setAnalysis: {
    valid: [{ emotion: true }, { synthesis: false }, { emotion: false, synthesis: true }],
    invalid: [{}, { emotion: 'yes' }, { emotion: true, captions: true }],
    response: { status: ANALYSIS_STATUS },
  },
  leave: { valid: [{}], invalid: [{ peerId: 'p-2b7f0c' }, []], response: {} },
};

describe('SignalingRequests', () => {
  it('has samples for exactly the methods it defines', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(SignalingRequests).sort());
  });

  for (const [method, { valid, invalid, response }] of Object.entries(SAMPLES)) {
    const schemas = SignalingRequests[method as SignalingMethod] as { data: z.ZodType; response: z.ZodType };
    it(`${method} accepts its valid data`, () => {
      for (const value of valid) expect(schemas.data.safeParse(value).error?.issues ?? []).toEqual([]);
    });
    it(`${method} rejects wrong data`, () => {
      for (const value of invalid) expect(schemas.data.safeParse(value).success, JSON.stringify(value)).toBe(false);
    });
    it(`${method} describes a realistic response`, () => {
      expect(schemas.response.safeParse(response).error?.issues ?? []).toEqual([]);
    });
  }

  it('trims a display name and chat text before checking their length', () => {
    expect(SignalingRequests.join.data.parse({ displayName: '  Ada  ', rtpCapabilities: {} }).displayName).toBe('Ada');
    expect(SignalingRequests.sendChat.data.parse({ text: ` ${'x'.repeat(CHAT_MAX_LENGTH)}\n` }).text).toHaveLength(
      CHAT_MAX_LENGTH,
    );
  });
});

describe('isSignalingMethod', () => {
  it('knows every method of the table', () => {
    for (const method of Object.keys(SignalingRequests)) expect(isSignalingMethod(method), method).toBe(true);
  });

  it('refuses names inherited from Object.prototype and notification names', () => {
    for (const name of [
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'valueOf',
      '',
      'Join',
      'newConsumer',
    ]) {
      expect(isSignalingMethod(name), name).toBe(false);
    }
  });
});
