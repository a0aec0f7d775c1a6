import { z } from 'zod';
import { ChatMessageSchema, PeerInfoSchema, PeerStateSchema } from './peers';
import { AnalysisStatusSchema, SpeakerEmotionSchema, SynthesisAlertSchema } from '../ai/analysis';
import { CaptionSchema, CaptionsStatusSchema } from '../ai/captions';
import { MediaKindSchema, MediaSourceSchema, RtpParametersSchema } from './media-types';

/** Everything the server tells a client without being asked: events, named in the past tense. */
export const SignalingNotifications = {
  peerJoined: z.object({ peer: PeerInfoSchema }),
  peerLeft: z.object({ peerId: z.string() }),
  /** A consumer was created (paused) for this client; it consumes, then sends `resumeConsumer`. */
  newConsumer: z.object({
    consumerId: z.string(),
    producerId: z.string(),
    peerId: z.string(),
    kind: MediaKindSchema,
    source: MediaSourceSchema,
    rtpParameters: RtpParametersSchema,
    type: z.string(),
    producerPaused: z.boolean(),
  }),
  consumerClosed: z.object({ consumerId: z.string() }),
  consumerLayersChanged: z.object({
    consumerId: z.string(),
    spatialLayer: z.number().int().nullable(),
    temporalLayer: z.number().int().nullable(),
  }),
  producerPaused: z.object({ peerId: z.string(), producerId: z.string(), source: MediaSourceSchema }),
  producerResumed: z.object({ peerId: z.string(), producerId: z.string(), source: MediaSourceSchema }),
  activeSpeaker: z.object({ peerId: z.string().nullable() }),
  chatMessage: z.object({ message: ChatMessageSchema }),
  peerState: z.object({ peerId: z.string(), state: PeerStateSchema }),
  /** The host asked this client to mute its microphone. */
  muteRequested: z.object({ byPeerId: z.string() }),
  meetingLocked: z.object({ locked: z.boolean() }),
  /** `admin-ended`: an administrator ended it; `message` is what they told everyone. */
  meetingEnded: z.object({
    reason: z.enum(['host-ended', 'ended', 'admin-ended']),
    message: z.string().max(500).optional(),
  }),
  kicked: z.object({ reason: z.string() }),
  /** The media server lost this meeting's router (worker died); the client rejoins on a fresh one. */
  roomRestarted: z.object({}),
  /** A caption line: interim versions while someone speaks, then one final (upsert by `caption.id`). */
  captionReceived: z.object({ caption: CaptionSchema }),
  /** Captions were switched on or off, fell behind, paused for an engine restart, or came back. */
  captionsStatusChanged: z.object({ status: CaptionsStatusSchema }),
  /** A speaker's emotion, smoothed over their recent utterances (sent after each of their final captions). */
  speakerEmotion: SpeakerEmotionSchema,
  /** The experimental synthetic-voice indicator raised (or cleared) its alert for a speaker. */
  synthesisAlert: z.object({ alert: SynthesisAlertSchema }),
  /** The host switched emotion or synthetic-voice analysis on or off. */
  analysisStatusChanged: z.object({ status: AnalysisStatusSchema }),
} as const;

export type SignalingNotificationType = keyof typeof SignalingNotifications;
export type SignalingNotificationData<T extends SignalingNotificationType> = z.infer<
  (typeof SignalingNotifications)[T]
>;

export const NotificationFrameSchema = z.object({ type: z.string().max(64), data: z.unknown() }).strict();

export type NotificationFrame = {
  [T in SignalingNotificationType]: { type: T; data: SignalingNotificationData<T> };
}[SignalingNotificationType];

export function isNotificationType(type: string): type is SignalingNotificationType {
  return Object.prototype.hasOwnProperty.call(SignalingNotifications, type);
}
