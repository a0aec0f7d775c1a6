import { CHAT_MESSAGE, PEER_INFO, PEER_STATE, PRODUCER_INFO } from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as peers from './peers';

describeSchemas('signaling peers contracts', peers, {
  PeerStateSchema: {
    valid: [PEER_STATE, { isMuted: true, isCameraOff: false, isHandRaised: true }],
    invalid: [{ isMuted: true, isCameraOff: false }, { ...PEER_STATE, isMuted: 'yes' }, null],
  },
  ProducerInfoSchema: {
    valid: [PRODUCER_INFO, { ...PRODUCER_INFO, kind: 'video', source: 'screen', paused: true }],
    invalid: [
      { ...PRODUCER_INFO, source: 'camera' },
      { ...PRODUCER_INFO, kind: 'data' },
      { ...PRODUCER_INFO, paused: undefined },
    ],
  },
  PeerInfoSchema: {
    valid: [PEER_INFO, { ...PEER_INFO, role: 'host', producers: [] }],
    invalid: [
      { ...PEER_INFO, userId: 0 },
      { ...PEER_INFO, userId: '2' },
      { ...PEER_INFO, role: 'guest' },
      { ...PEER_INFO, state: { isMuted: true } },
      { ...PEER_INFO, producers: [{ ...PRODUCER_INFO, source: 'camera' }] },
      { ...PEER_INFO, joinedAt: undefined },
    ],
  },
  ChatMessageSchema: {
    valid: [CHAT_MESSAGE, { ...CHAT_MESSAGE, text: '' }],
    invalid: [
      { ...CHAT_MESSAGE, meetingId: -1 },
      { ...CHAT_MESSAGE, userId: 1.5 },
      { ...CHAT_MESSAGE, text: undefined },
      { ...CHAT_MESSAGE, sentAt: 0 },
    ],
  },
});
