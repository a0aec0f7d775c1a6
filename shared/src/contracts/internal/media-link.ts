import { z } from 'zod';
import { ErrorCodes } from '../../errors';
import { AnalysisStatusSchema, SpeakerEmotionSchema, SynthesisAlertSchema } from '../ai/analysis';
import { CaptionSchema, CaptionsStatusSchema, LanguageChoiceSchema } from '../ai/captions';

/**
 * The media link: one WebSocket from an AI service running on its own
 * (`SERVICES=ai`, seed port 8084) to the media service (the SFU, in the
 * signaling process, seed port 8081). Over it the media service serves its
 * audio seam (producer events, taps) and the AI service its captions (events
 * for the room, the host's switch). Servers only: clients never see it.
 */
export const MEDIA_LINK_PATH = '/internal/media-link';

/** Close codes of the link (4000-4999 are left to applications by RFC 6455); the reason is a sentence. */
export const MediaLinkCloseCodes = {
  /** The media or AI service is shutting down: reconnect with backoff. */
  GOING_AWAY: 1001,
  /** The shared secret was missing or wrong: fix INTERNAL_TOKEN, reconnecting will not help. */
  UNAUTHORIZED: 4401,
  /** The media service has no INTERNAL_TOKEN, so it serves no remote AI service. */
  NOT_CONFIGURED: 4403,
  /** Another AI service connected after this one and took over the link: do not reconnect. */
  REPLACED: 4409,
} as const;

const EntityIdSchema = z.string().min(1).max(64);

export const AudioProducerInfoSchema = z
  .object({
    meetingId: z.number().int().positive(),
    peerId: EntityIdSchema,
    userId: z.number().int().positive(),
    displayName: z.string().max(64),
    producerId: EntityIdSchema,
    source: z.enum(['mic', 'screen-audio']),
    isPaused: z.boolean(),
  })
  .strict();

export const AudioSeamEventSchema = z
  .object({ type: z.enum(['added', 'paused', 'resumed', 'closed']), producer: AudioProducerInfoSchema })
  .strict();

/** Where the SFU sends a tap's RTP: an address of the AI host (its `AI_TAP_HOST`) and a port it bound. */
export const TapTargetSchema = z
  .object({ ip: z.union([z.ipv4(), z.ipv6()]), port: z.number().int().min(1).max(65_535) })
  .strict();

export const AudioTapParametersSchema = z
  .object({
    payloadType: z.number().int().min(0).max(127),
    ssrc: z.number().int().min(0).max(0xffff_ffff),
    clockRate: z.number().int().positive(),
    channels: z.number().int().min(1).max(2),
  })
  .strict();

const MeetingRefSchema = z.object({ meetingId: z.number().int().positive() }).strict();
const StatusReplySchema = z.object({ status: CaptionsStatusSchema }).strict();

/** What the media service answers (the AI service asks): a copy of a producer as plain RTP, and its end. */
export const MediaSideRequests = {
  openTap: {
    data: z.object({ producerId: EntityIdSchema, target: TapTargetSchema }).strict(),
    response: z.object({ tapId: EntityIdSchema, parameters: AudioTapParametersSchema }).strict(),
  },
  /** Idempotent: closing a tap that already went (its producer closed) is not an error. */
  closeTap: { data: z.object({ tapId: EntityIdSchema }).strict(), response: z.object({}).strict() },
} as const;

/** What the AI service answers (the media service asks for signaling): the captions' state, the host's switch. */
export const AiSideRequests = {
  captionsStatus: { data: MeetingRefSchema, response: StatusReplySchema },
  setCaptions: {
    data: z
      .object({
        meetingId: z.number().int().positive(),
        isEnabled: z.boolean(),
        language: LanguageChoiceSchema.optional(),
      })
      .strict(),
    response: StatusReplySchema,
  },
  /** Emotion and synthetic-voice analysis of a meeting: the host's switches, asked for signaling. */
  analysisStatus: { data: MeetingRefSchema, response: z.object({ status: AnalysisStatusSchema }).strict() },
  setAnalysis: {
    data: z
      .object({
        meetingId: z.number().int().positive(),
        emotion: z.boolean().optional(),
        synthesis: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ status: AnalysisStatusSchema }).strict(),
  },
} as const;

/** From the media service: the seam's producer events (current producers replayed as `added` on connect). */
export const MediaSideNotifications = {
  seamEvent: AudioSeamEventSchema,
  /** The tap went away on the media side (its producer, room or worker did). */
  tapClosed: z.object({ tapId: EntityIdSchema }).strict(),
} as const;

/** From the AI service: its caption service's events, named as on the app event bus. */
export const AiSideNotifications = {
  'caption.produced': z.object({ meetingId: z.number().int().positive(), caption: CaptionSchema }).strict(),
  'captions.status': z.object({ meetingId: z.number().int().positive(), status: CaptionsStatusSchema }).strict(),
  'emotion.speaker': z.object({ meetingId: z.number().int().positive(), emotion: SpeakerEmotionSchema }).strict(),
  'synthesis.alert': z.object({ meetingId: z.number().int().positive(), alert: SynthesisAlertSchema }).strict(),
  'analysis.status': z.object({ meetingId: z.number().int().positive(), status: AnalysisStatusSchema }).strict(),
} as const;

export const LinkRequestIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Every frame on the link, either way. `data` is checked next against the
 * method's or event's own schema. An `error` frame answers a request (its
 * `id`) or a frame too broken to have one (`id: null`); it is never answered.
 */
export const LinkFrameSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('request'), id: LinkRequestIdSchema, method: z.string().max(64), data: z.unknown() })
    .strict(),
  z.object({ kind: z.literal('response'), id: LinkRequestIdSchema, data: z.unknown() }).strict(),
  z
    .object({
      kind: z.literal('error'),
      id: LinkRequestIdSchema.nullable(),
      error: z.object({ code: z.enum(ErrorCodes), message: z.string().max(2000) }).strict(),
    })
    .strict(),
  z.object({ kind: z.literal('event'), type: z.string().max(64), data: z.unknown() }).strict(),
]);
export type LinkFrame = z.infer<typeof LinkFrameSchema>;
