import type { NotificationFrame, SignalingNotificationData, SignalingNotificationType } from '@meetai/shared';
import type { RoomHandlerContext } from './context';
import { onAnalysisStatusChanged, onSpeakerEmotion, onSynthesisAlert } from './analysis';
import { onCaptionReceived, onCaptionsStatusChanged } from './captions';
import { onActiveSpeaker, onPeerJoined, onPeerLeft, onPeerState } from './peers';
import { onConsumerClosed, onConsumerLayersChanged, onNewConsumer, onProducerPaused, onProducerResumed } from './media';
import { onChatMessage, onKicked, onMeetingEnded, onMeetingLocked, onMuteRequested, onRoomRestarted } from './meeting';

export type { RoomHandlerContext } from './context';

type HandlerTable = {
  [T in SignalingNotificationType]: (
    ctx: RoomHandlerContext,
    data: SignalingNotificationData<T>,
  ) => void | Promise<void>;
};

/** One small function per notification; the type map makes a missing one a compile error. */
export const notificationHandlers: HandlerTable = {
  peerJoined: onPeerJoined,
  peerLeft: onPeerLeft,
  peerState: onPeerState,
  activeSpeaker: onActiveSpeaker,
  newConsumer: onNewConsumer,
  consumerClosed: onConsumerClosed,
  consumerLayersChanged: onConsumerLayersChanged,
  producerPaused: onProducerPaused,
  producerResumed: onProducerResumed,
  chatMessage: onChatMessage,
  muteRequested: onMuteRequested,
  meetingLocked: onMeetingLocked,
  meetingEnded: onMeetingEnded,
  kicked: onKicked,
  roomRestarted: onRoomRestarted,
  captionReceived: onCaptionReceived,
  captionsStatusChanged: onCaptionsStatusChanged,
  speakerEmotion: onSpeakerEmotion,
  synthesisAlert: onSynthesisAlert,
  analysisStatusChanged: onAnalysisStatusChanged,
};

export function dispatchNotification(ctx: RoomHandlerContext, notification: NotificationFrame): void | Promise<void> {
  // The frame's type and data were checked together by the signaling client; TS cannot correlate them here.
  const handler = notificationHandlers[notification.type] as (
    ctx: RoomHandlerContext,
    data: unknown,
  ) => void | Promise<void>;
  return handler(ctx, notification.data);
}
