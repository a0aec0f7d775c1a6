import { describe, expect, it } from 'vitest';
import { CAPTION, CAPTIONS_STATUS } from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as link from './media-link';

const PRODUCER = {
  meetingId: 42,
  peerId: 'p-2b7f0c',
  userId: 7,
  displayName: 'Ada',
  producerId: '5c1b9f7e-4d1e-4a6b-9d8e-2f7c3a1b0e9d',
  source: 'mic',
  isPaused: false,
} as const;

const TAP_PARAMETERS = { payloadType: 100, ssrc: 4_000_000_000, clockRate: 48_000, channels: 2 };

describeSchemas('media link contracts', link, {
  AudioProducerInfoSchema: {
    valid: [PRODUCER, { ...PRODUCER, source: 'screen-audio', isPaused: true }],
    invalid: [
      { ...PRODUCER, source: 'webcam' },
      { ...PRODUCER, meetingId: 0 },
      { ...PRODUCER, extra: 1 },
    ],
  },
  AudioSeamEventSchema: {
    valid: [
      { type: 'added', producer: PRODUCER },
      { type: 'closed', producer: PRODUCER },
    ],
    invalid: [{ type: 'created', producer: PRODUCER }, { type: 'added' }],
  },
  TapTargetSchema: {
    valid: [
      { ip: '127.0.0.1', port: 40_000 },
      { ip: '::1', port: 1 },
    ],
    invalid: [
      { ip: 'localhost', port: 40_000 },
      { ip: '127.0.0.1', port: 0 },
      { ip: '127.0.0.1', port: 70_000 },
    ],
  },
  AudioTapParametersSchema: {
    valid: [TAP_PARAMETERS, { ...TAP_PARAMETERS, channels: 1, ssrc: 0 }],
    invalid: [
      { ...TAP_PARAMETERS, payloadType: 128 },
      { ...TAP_PARAMETERS, ssrc: 2 ** 32 },
      { ...TAP_PARAMETERS, channels: 0 },
    ],
  },
  LinkRequestIdSchema: { valid: [0, 17], invalid: [-1, 1.5, '1'] },
  LinkFrameSchema: {
    valid: [
      { kind: 'request', id: 1, method: 'openTap', data: { producerId: 'x' } },
      { kind: 'response', id: 1, data: {} },
      { kind: 'error', id: null, error: { code: 'MALFORMED_JSON', message: 'Not JSON.' } },
      { kind: 'event', type: 'tapClosed', data: { tapId: 't' } },
    ],
    invalid: [
      { kind: 'request', method: 'openTap', data: {} },
      { kind: 'error', id: 1, error: { code: 'NOPE', message: '' } },
      { kind: 'notice', type: 'tapClosed', data: {} },
      { id: 1, method: 'openTap', data: {} },
    ],
  },
});

describe('media link messages', () => {
  it('checks each request, reply and event against its own schema', () => {
    const { MediaSideRequests, AiSideRequests, MediaSideNotifications, AiSideNotifications } = link;
    expect(
      MediaSideRequests.openTap.data.safeParse({ producerId: 'p', target: { ip: '10.0.0.5', port: 5000 } }).success,
    ).toBe(true);
    expect(MediaSideRequests.openTap.data.safeParse({ producerId: '', target: { ip: '10.0.0.5' } }).success).toBe(
      false,
    );
    expect(MediaSideRequests.openTap.response.safeParse({ tapId: 't', parameters: TAP_PARAMETERS }).success).toBe(true);
    expect(MediaSideRequests.closeTap.data.safeParse({ tapId: 7 }).success).toBe(false);
    expect(AiSideRequests.setCaptions.data.safeParse({ meetingId: 42, isEnabled: true, language: 'zh' }).success).toBe(
      true,
    );
    expect(AiSideRequests.setCaptions.data.safeParse({ meetingId: 42, isEnabled: 'yes' }).success).toBe(false);
    expect(AiSideRequests.captionsStatus.response.safeParse({ status: CAPTIONS_STATUS }).success).toBe(true);
    expect(MediaSideNotifications.seamEvent.safeParse({ type: 'paused', producer: PRODUCER }).success).toBe(true);
    expect(AiSideNotifications['caption.produced'].safeParse({ meetingId: 42, caption: CAPTION }).success).toBe(true);
    expect(
      AiSideNotifications['caption.produced'].safeParse({ meetingId: 42, caption: { ...CAPTION, engine: 'x' } })
        .success,
    ).toBe(false);
    expect(AiSideNotifications['captions.status'].safeParse({ meetingId: 42 }).success).toBe(false);
  });
});
