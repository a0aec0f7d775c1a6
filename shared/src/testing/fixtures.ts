/** Valid DTOs shared by several schema tests. */
export const USER = {
  id: 1,
  username: 'ada',
  email: 'ada@example.com',
  nickname: 'Ada',
  role: 'user',
  created_at: '2026-01-01T00:00:00.000Z',
  last_login_at: null,
};

export const MEETING = {
  id: 123456789012,
  code: '123-456-789',
  title: 'Weekly sync',
  description: '',
  host_id: 1,
  host_name: 'Ada',
  status: 'ongoing',
  scheduled_start: null,
  scheduled_end: null,
  started_at: '2026-01-01T09:00:00.000Z',
  ended_at: null,
  has_passcode: false,
  is_locked: false,
  allow_self_unmute: true,
  participant_count: 2,
  created_at: '2026-01-01T09:00:00.000Z',
  updated_at: '2026-01-01T09:00:00.000Z',
  join_url: 'http://localhost:8800/j/123-456-789',
};

export const PARTICIPANT = {
  user_id: 2,
  username: 'bob',
  nickname: 'Bob',
  role: 'participant',
  joined_at: '2026-01-01T09:01:00.000Z',
  left_at: null,
  is_present: true,
};

/*
 * Signaling fixtures, shaped like what mediasoup 3 and mediasoup-client send
 * (opus + VP8 with RTX, simulcast, a loopback WebRTC transport).
 */
const OPUS = {
  kind: 'audio',
  mimeType: 'audio/opus',
  preferredPayloadType: 100,
  clockRate: 48000,
  channels: 2,
  parameters: { useinbandfec: 1, minptime: 10 },
  rtcpFeedback: [{ type: 'nack' }, { type: 'transport-cc' }],
};

export const VP8_CODEC = {
  kind: 'video',
  mimeType: 'video/VP8',
  preferredPayloadType: 101,
  clockRate: 90000,
  parameters: {},
  rtcpFeedback: [
    { type: 'nack' },
    { type: 'nack', parameter: 'pli' },
    { type: 'ccm', parameter: 'fir' },
    { type: 'goog-remb' },
    { type: 'transport-cc' },
  ],
};

export const RTP_CAPABILITIES = {
  codecs: [
    OPUS,
    VP8_CODEC,
    {
      kind: 'video',
      mimeType: 'video/rtx',
      preferredPayloadType: 102,
      clockRate: 90000,
      parameters: { apt: 101 },
      rtcpFeedback: [],
    },
  ],
  headerExtensions: [
    {
      kind: 'audio',
      uri: 'urn:ietf:params:rtp-hdrext:sdes:mid',
      preferredId: 1,
      preferredEncrypt: false,
      direction: 'sendrecv',
    },
    {
      kind: 'video',
      uri: 'urn:ietf:params:rtp-hdrext:sdes:mid',
      preferredId: 1,
      preferredEncrypt: false,
      direction: 'sendrecv',
    },
    {
      kind: 'video',
      uri: 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
      preferredId: 5,
      preferredEncrypt: false,
      direction: 'sendrecv',
    },
  ],
};

/** A webcam producer: VP8 + RTX in three simulcast layers. */
export const RTP_PARAMETERS = {
  mid: '1',
  codecs: [
    {
      mimeType: 'video/VP8',
      payloadType: 96,
      clockRate: 90000,
      parameters: {},
      rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
    },
    { mimeType: 'video/rtx', payloadType: 97, clockRate: 90000, parameters: { apt: 96 }, rtcpFeedback: [] },
  ],
  headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1, encrypt: false, parameters: {} }],
  encodings: [
    { ssrc: 1170000001, rtx: { ssrc: 1170000002 }, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
    { ssrc: 1170000003, rtx: { ssrc: 1170000004 }, maxBitrate: 500_000, scalabilityMode: 'L1T3' },
    { ssrc: 1170000005, rtx: { ssrc: 1170000006 }, maxBitrate: 1_200_000, scalabilityMode: 'L1T3' },
  ],
  rtcp: { cname: 'k3Yd0pQe', reducedSize: true },
};

export const DTLS_PARAMETERS = {
  role: 'client',
  fingerprints: [
    {
      algorithm: 'sha-256',
      value: '6A:4D:A5:7B:E0:4A:56:F8:CC:54:F7:3C:8B:A2:F3:B0:A5:7C:B1:1A:60:63:6A:7C:AB:E2:7F:B0:42:A8:14:94',
    },
  ],
};

export const ICE_PARAMETERS = {
  usernameFragment: 'q8v2m1xk0d7zr4ht',
  password: 'n5wj2c8e0y6p1ua3lb9fs7gkt4oqmrzd',
  iceLite: true,
};

export const ICE_CANDIDATE = {
  foundation: 'udpcandidate',
  priority: 1076302079,
  address: '127.0.0.1',
  ip: '127.0.0.1',
  protocol: 'udp',
  port: 40123,
  type: 'host',
};

export const TRANSPORT_OPTIONS = {
  id: '8694f268-581d-4add-ad2d-df3249279669',
  iceParameters: ICE_PARAMETERS,
  iceCandidates: [
    ICE_CANDIDATE,
    { ...ICE_CANDIDATE, foundation: 'tcpcandidate', priority: 1076276479, protocol: 'tcp', tcpType: 'passive' },
  ],
  dtlsParameters: {
    role: 'auto',
    fingerprints: [
      {
        algorithm: 'sha-256',
        value: '3A:0B:69:D9:73:7C:F2:E7:28:E2:72:38:49:A0:4C:52:99:3D:77:A8:57:A1:98:6D:EF:2E:7B:C3:AF:DD:09:6E',
      },
    ],
  },
};

export const PEER_STATE = { isMuted: false, isCameraOff: true, isHandRaised: false };

export const PRODUCER_INFO = {
  producerId: '3ecc784c-3dca-4c4f-a3bd-712c77c8a1d2',
  kind: 'audio',
  source: 'mic',
  paused: false,
};

export const PEER_INFO = {
  peerId: 'p-2b7f0c',
  userId: 2,
  displayName: 'Bob',
  role: 'participant',
  state: PEER_STATE,
  producers: [PRODUCER_INFO],
  joinedAt: '2026-01-01T09:01:00.000Z',
};

export const CHAT_MESSAGE = {
  id: 'm-000001',
  meetingId: 123456789012,
  userId: 2,
  displayName: '小明',
  text: '大家好, can you hear me?',
  sentAt: '2026-01-01T09:02:00.000Z',
};

export const CAPTION = {
  id: 'u-3f9a1c-7',
  meetingId: 42,
  peerId: 'p-2b7f0c',
  userId: 7,
  displayName: 'Ada',
  text: 'let us ship it on friday',
  startMs: 1_764_500_000_000,
  endMs: 1_764_500_002_400,
  isFinal: true,
  language: 'en',
  engine: 'whisper',
  model: 'tiny.en',
  confidence: 0.82,
} as const;

export const EMOTION_ESTIMATE = {
  emotion: 'joy',
  confidence: 0.7,
  emotions: { joy: 0.7, anger: 0, sadness: 0, fear: 0, surprise: 0.1, neutral: 0.2 },
  valence: 0.6,
  arousal: null,
  signals: ['words'],
  method: 'VADER lexicon + keyword map (en)',
} as const;

export const SYNTHESIS_ALERT = {
  peerId: 'p-2b7f0c',
  userId: 7,
  displayName: 'Ada',
  state: 'raised',
  score: 0.81,
  flaggedUtterances: 3,
  utterances: 4,
  label: 'experimental synthetic-voice indicator',
  method: 'voice features (jitter, shimmer, HNR, spectral flatness, pitch contour) + logistic model',
} as const;

export const ANALYSIS_STATUS = {
  emotion: true,
  synthesis: true,
  emotionMethod: 'words (VADER/DUTIR lexicons + keyword maps) and voice pitch/energy',
  synthesisMethod: 'voice features + logistic model (experimental)',
} as const;

export const CAPTIONS_STATUS = {
  enabled: true,
  state: 'active',
  reason: null,
  engine: 'whisper',
  model: 'base',
  languages: ['en', 'zh'],
  language: 'auto',
} as const;
