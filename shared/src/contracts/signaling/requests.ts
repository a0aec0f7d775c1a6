import { z } from 'zod';
import { ErrorCodes } from '../../errors';
import { AnalysisStatusSchema } from '../ai/analysis';
import { CaptionsStatusSchema, LanguageChoiceSchema } from '../ai/captions';
import { CHAT_MAX_LENGTH, ChatMessageSchema, PeerInfoSchema, PeerStateSchema } from './peers';
import {
  DtlsParametersSchema,
  EntityIdSchema,
  IceParametersSchema,
  MediaKindSchema,
  MediaSourceSchema,
  RtpCapabilitiesSchema,
  RtpParametersSchema,
  TransportOptionsSchema,
} from './media-types';

const empty = z.object({}).strict();
const ok = z.object({}).strict();

/**
 * Every request a client may send over `/ws/signaling`, with its data and
 * response schemas. Names follow mediasoup-demo: lowerCamel verb phrases.
 */
export const SignalingRequests = {
  getRouterRtpCapabilities: { data: empty, response: z.object({ rtpCapabilities: RtpCapabilitiesSchema }) },
  join: {
    data: z
      .object({
        displayName: z.string().trim().min(1).max(64),
        rtpCapabilities: RtpCapabilitiesSchema,
        state: PeerStateSchema.partial().strict().optional(),
      })
      .strict(),
    response: z.object({
      self: PeerInfoSchema,
      peers: z.array(PeerInfoSchema),
      chatHistory: z.array(ChatMessageSchema),
      isLocked: z.boolean(),
      /** True when this socket resumed a session that was still in its reconnection grace period. */
      resumed: z.boolean(),
      /** Live captions in this meeting; absent when the server runs no AI module. */
      captions: CaptionsStatusSchema.optional(),
      /** Emotion and synthetic-voice analysis in this meeting; absent when the server runs no AI module. */
      analysis: AnalysisStatusSchema.optional(),
    }),
  },
  createWebRtcTransport: {
    data: z.object({ direction: z.enum(['send', 'recv']) }).strict(),
    response: TransportOptionsSchema,
  },
  connectTransport: {
    data: z.object({ transportId: EntityIdSchema, dtlsParameters: DtlsParametersSchema }).strict(),
    response: ok,
  },
  restartIce: {
    data: z.object({ transportId: EntityIdSchema }).strict(),
    response: z.object({ iceParameters: IceParametersSchema }),
  },
  produce: {
    data: z
      .object({
        transportId: EntityIdSchema,
        kind: MediaKindSchema,
        rtpParameters: RtpParametersSchema,
        source: MediaSourceSchema,
        paused: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ producerId: z.string() }),
  },
  pauseProducer: { data: z.object({ producerId: EntityIdSchema }).strict(), response: ok },
  resumeProducer: { data: z.object({ producerId: EntityIdSchema }).strict(), response: ok },
  closeProducer: { data: z.object({ producerId: EntityIdSchema }).strict(), response: ok },
  /** Consumers start paused; the client resumes each once its track is wired up. */
  resumeConsumer: { data: z.object({ consumerId: EntityIdSchema }).strict(), response: ok },
  pauseConsumer: { data: z.object({ consumerId: EntityIdSchema }).strict(), response: ok },
  setPreferredLayers: {
    data: z
      .object({
        consumerId: EntityIdSchema,
        spatialLayer: z.number().int().min(0).max(3),
        temporalLayer: z.number().int().min(0).max(3).optional(),
      })
      .strict(),
    response: ok,
  },
  updatePeerState: { data: PeerStateSchema.partial().strict(), response: z.object({ state: PeerStateSchema }) },
  sendChat: {
    data: z.object({ text: z.string().trim().min(1).max(CHAT_MAX_LENGTH) }).strict(),
    response: z.object({ message: ChatMessageSchema }),
  },
  /**
   * Host only: the server pauses that participant's microphone and tells them (`muteRequested`). The mute
   * holds: unless the meeting allows self-unmute, their own unmute answers MUTED_BY_HOST until `allowUnmute`.
   */
  muteParticipant: { data: z.object({ peerId: EntityIdSchema }).strict(), response: ok },
  /** Host only: lifts the hold of `muteParticipant` (e.g. after a raised hand); the participant unmutes themselves. */
  allowUnmute: { data: z.object({ peerId: EntityIdSchema }).strict(), response: ok },
  removeParticipant: { data: z.object({ peerId: EntityIdSchema }).strict(), response: ok },
  lockMeeting: { data: z.object({ locked: z.boolean() }).strict(), response: ok },
  endMeeting: { data: empty, response: ok },
  /** Host only: switch the meeting's live captions on or off (and pick their language). */
  setCaptions: {
    data: z.object({ enabled: z.boolean(), language: LanguageChoiceSchema.optional() }).strict(),
    response: z.object({ status: CaptionsStatusSchema }),
  },
  /** Host only: switch the meeting's emotion and/or synthetic-voice analysis on or off. */
  setAnalysis: {
    data: z
      .object({ emotion: z.boolean().optional(), synthesis: z.boolean().optional() })
      .strict()
      .refine((data) => data.emotion !== undefined || data.synthesis !== undefined, 'Say what to switch'),
    response: z.object({ status: AnalysisStatusSchema }),
  },
  leave: { data: empty, response: ok },
} as const;

export type SignalingMethod = keyof typeof SignalingRequests;
export type SignalingRequestData<M extends SignalingMethod> = z.infer<(typeof SignalingRequests)[M]['data']>;
export type SignalingResponseData<M extends SignalingMethod> = z.infer<(typeof SignalingRequests)[M]['response']>;

export const SIGNALING_MAX_MESSAGE_BYTES = 64 * 1024;

export const RequestIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The outer frame of a client request; `data` is checked against the method's own schema next. */
export const RequestFrameSchema = z
  .object({
    id: RequestIdSchema,
    method: z.string().max(64),
    data: z.unknown().optional(),
  })
  .strict();
export type RequestFrame = z.infer<typeof RequestFrameSchema>;

export const SignalingErrorSchema = z.object({ code: z.enum(ErrorCodes), message: z.string() });
export type SignalingError = z.infer<typeof SignalingErrorSchema>;

export const ResponseFrameSchema = z.union([
  z.object({ id: RequestIdSchema, ok: z.literal(true), data: z.unknown() }),
  /** `id` is null when the request was too broken to have one. */
  z.object({ id: RequestIdSchema.nullable(), ok: z.literal(false), error: SignalingErrorSchema }),
]);
export type ResponseFrame = z.infer<typeof ResponseFrameSchema>;

export function isSignalingMethod(method: string): method is SignalingMethod {
  return Object.prototype.hasOwnProperty.call(SignalingRequests, method);
}
