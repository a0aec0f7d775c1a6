import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ANALYSIS_STATUS,
  CAPTION,
  CAPTIONS_STATUS,
  CHAT_MESSAGE,
  EMOTION_ESTIMATE,
  PEER_INFO,
  PEER_STATE,
  RTP_PARAMETERS,
  SYNTHESIS_ALERT,
} from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as notifications from './notifications';
import { isNotificationType, SignalingNotifications, type SignalingNotificationType } from './notifications';

describeSchemas('signaling notification frames', notifications, {
  NotificationFrameSchema: {
    // The frame accepts types it does not know, so an older client can ignore newer events.
    valid: [
      { type: 'peerLeft', data: { peerId: 'p-2b7f0c' } },
      { type: 'roomRestarted', data: {} },
      { type: 'someFutureEvent', data: [1] },
    ],
    invalid: [
      { type: 'x'.repeat(65), data: {} },
      { type: 'peerLeft', data: {}, id: 1 },
      { data: {} },
      { type: 3, data: {} },
    ],
  },
});

type AtLeastOne = [unknown, ...unknown[]];

const NEW_CONSUMER = {
  consumerId: 'co-1',
  producerId: 'pr-1',
  peerId: 'p-2b7f0c',
  kind: 'video',
  source: 'webcam',
  rtpParameters: RTP_PARAMETERS,
  type: 'simulcast',
  producerPaused: false,
};

/** One entry per notification: adding a type without samples fails the type check. */
const SAMPLES: { [T in SignalingNotificationType]: { valid: AtLeastOne; invalid: AtLeastOne } } = {
  peerJoined: { valid: [{ peer: PEER_INFO }], invalid: [{ peer: { ...PEER_INFO, userId: 0 } }, {}] },
  peerLeft: { valid: [{ peerId: 'p-2b7f0c' }], invalid: [{ peerId: 3 }, {}] },
  captionReceived: {
    valid: [
      { caption: CAPTION },
      { caption: { ...CAPTION, isFinal: false } },
      { caption: { ...CAPTION, emotion: EMOTION_ESTIMATE } },
    ],
    invalid: [{ caption: { ...CAPTION, engine: 'guess' } }, {}],
  },
  speakerEmotion: {
    valid: [{ peerId: 'p-2b7f0c', userId: 7, displayName: 'Ada', estimate: EMOTION_ESTIMATE, utterances: 3 }],
    invalid: [
      {
        peerId: 'p-2b7f0c',
        userId: 7,
        displayName: 'Ada',
        estimate: { ...EMOTION_ESTIMATE, emotion: 'bored' },
        utterances: 3,
      },
      { peerId: 'p-2b7f0c', userId: 7, displayName: 'Ada', estimate: EMOTION_ESTIMATE, utterances: 0 },
    ],
  },
  synthesisAlert: {
    valid: [{ alert: SYNTHESIS_ALERT }, { alert: { ...SYNTHESIS_ALERT, state: 'cleared' } }],
    invalid: [
      { alert: { ...SYNTHESIS_ALERT, label: 'deepfake detector' } },
      { alert: { ...SYNTHESIS_ALERT, score: 2 } },
    ],
  },
  analysisStatusChanged: {
    valid: [{ status: ANALYSIS_STATUS }, { status: { ...ANALYSIS_STATUS, synthesis: false } }],
    invalid: [{ status: { ...ANALYSIS_STATUS, emotion: 'on' } }, {}],
  },
  captionsStatusChanged: {
    valid: [{ status: CAPTIONS_STATUS }, { status: { ...CAPTIONS_STATUS, state: 'paused', reason: 'restarting' } }],
    invalid: [{ status: { ...CAPTIONS_STATUS, state: 'broken' } }, { status: null }],
  },
  newConsumer: {
    valid: [
      NEW_CONSUMER,
      { ...NEW_CONSUMER, kind: 'audio', source: 'screen-audio', type: 'simple', producerPaused: true },
    ],
    invalid: [
      { ...NEW_CONSUMER, source: 'camera' },
      { ...NEW_CONSUMER, rtpParameters: undefined },
      { ...NEW_CONSUMER, producerPaused: 'no' },
    ],
  },
  consumerClosed: { valid: [{ consumerId: 'co-1' }], invalid: [{}, { consumerId: null }] },
  consumerLayersChanged: {
    valid: [
      { consumerId: 'co-1', spatialLayer: 2, temporalLayer: 1 },
      { consumerId: 'co-1', spatialLayer: null, temporalLayer: null },
    ],
    invalid: [
      { consumerId: 'co-1', spatialLayer: 1.5, temporalLayer: 0 },
      { consumerId: 'co-1', spatialLayer: 1 },
    ],
  },
  producerPaused: {
    valid: [{ peerId: 'p-2b7f0c', producerId: 'pr-1', source: 'mic' }],
    invalid: [
      { peerId: 'p-2b7f0c', producerId: 'pr-1', source: 'microphone' },
      { peerId: 'p-2b7f0c', source: 'mic' },
    ],
  },
  producerResumed: {
    valid: [{ peerId: 'p-2b7f0c', producerId: 'pr-1', source: 'screen' }],
    invalid: [
      { peerId: 'p-2b7f0c', producerId: 'pr-1' },
      { peerId: 1, producerId: 'pr-1', source: 'mic' },
    ],
  },
  activeSpeaker: { valid: [{ peerId: 'p-2b7f0c' }, { peerId: null }], invalid: [{}, { peerId: 2 }] },
  chatMessage: {
    valid: [{ message: CHAT_MESSAGE }],
    invalid: [{ message: { ...CHAT_MESSAGE, meetingId: 0 } }, { text: 'hi' }],
  },
  peerState: {
    valid: [{ peerId: 'p-2b7f0c', state: PEER_STATE }],
    invalid: [{ peerId: 'p-2b7f0c', state: { isMuted: true } }, { state: PEER_STATE }],
  },
  muteRequested: { valid: [{ byPeerId: 'p-host' }], invalid: [{ peerId: 'p-host' }] },
  meetingLocked: { valid: [{ locked: true }, { locked: false }], invalid: [{ locked: 1 }, {}] },
  meetingEnded: { valid: [{ reason: 'host-ended' }, { reason: 'ended' }], invalid: [{ reason: 'timeout' }, {}] },
  kicked: { valid: [{ reason: 'Removed by the host' }], invalid: [{}, { reason: null }] },
  roomRestarted: { valid: [{}], invalid: [null, 'restart'] },
};

describe('SignalingNotifications', () => {
  it('has samples for exactly the types it defines', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(SignalingNotifications).sort());
  });

  for (const [type, { valid, invalid }] of Object.entries(SAMPLES)) {
    const schema = SignalingNotifications[type as SignalingNotificationType] as z.ZodType;
    it(`${type} accepts its valid data`, () => {
      for (const value of valid) expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
    });
    it(`${type} rejects wrong data`, () => {
      for (const value of invalid) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    });
  }
});

describe('isNotificationType', () => {
  it('knows every type of the table', () => {
    for (const type of Object.keys(SignalingNotifications)) expect(isNotificationType(type), type).toBe(true);
  });

  it('refuses names inherited from Object.prototype and request names', () => {
    for (const name of [
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'valueOf',
      '',
      'PeerJoined',
      'join',
    ]) {
      expect(isNotificationType(name), name).toBe(false);
    }
  });
});
