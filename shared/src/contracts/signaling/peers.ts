import { z } from 'zod';
import { ParticipantRoleSchema } from '../rest/meetings';
import { MediaKindSchema, MediaSourceSchema } from './media-types';

export const PeerStateSchema = z.object({
  isMuted: z.boolean(),
  isCameraOff: z.boolean(),
  isHandRaised: z.boolean(),
});
export type PeerState = z.infer<typeof PeerStateSchema>;

export const ProducerInfoSchema = z.object({
  producerId: z.string(),
  kind: MediaKindSchema,
  source: MediaSourceSchema,
  paused: z.boolean(),
});
export type ProducerInfo = z.infer<typeof ProducerInfoSchema>;

/** What every participant knows about another one. */
export const PeerInfoSchema = z.object({
  peerId: z.string(),
  userId: z.number().int().positive(),
  displayName: z.string(),
  role: ParticipantRoleSchema,
  state: PeerStateSchema,
  producers: z.array(ProducerInfoSchema),
  joinedAt: z.string(),
});
export type PeerInfo = z.infer<typeof PeerInfoSchema>;

export const ChatMessageSchema = z.object({
  id: z.string(),
  meetingId: z.number().int().positive(),
  userId: z.number().int().positive(),
  displayName: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const CHAT_MAX_LENGTH = 2000;
