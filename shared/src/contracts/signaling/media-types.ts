import { z } from 'zod';

/**
 * mediasoup's parameter objects, checked for shape here and in depth by
 * mediasoup itself (which throws on anything it cannot use; the server turns
 * that into a MEDIA_ERROR reply). Loose objects let mediasoup add fields
 * without a contract change.
 */
const id = z.string().min(1).max(128);

export const RtpCodecSchema = z.looseObject({
  kind: z.enum(['audio', 'video']).optional(),
  mimeType: z.string().max(64),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  rtcpFeedback: z
    .array(z.looseObject({ type: z.string(), parameter: z.string().optional() }))
    .max(32)
    .optional(),
});

export const RtpCapabilitiesSchema = z.looseObject({
  codecs: z.array(RtpCodecSchema).max(64).optional(),
  headerExtensions: z.array(z.looseObject({})).max(64).optional(),
});
export type RtpCapabilitiesDto = z.infer<typeof RtpCapabilitiesSchema>;

export const RtpParametersSchema = z.looseObject({
  mid: z.string().max(32).optional(),
  codecs: z
    .array(z.looseObject({ mimeType: z.string().max(64), payloadType: z.number().int(), clockRate: z.number().int() }))
    .max(32),
  headerExtensions: z.array(z.looseObject({})).max(32).optional(),
  encodings: z.array(z.looseObject({})).max(8).optional(),
  rtcp: z.looseObject({}).optional(),
});
export type RtpParametersDto = z.infer<typeof RtpParametersSchema>;

export const DtlsParametersSchema = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: z.string().max(32), value: z.string().max(256) }))
    .min(1)
    .max(8),
});
export type DtlsParametersDto = z.infer<typeof DtlsParametersSchema>;

export const IceParametersSchema = z.looseObject({
  usernameFragment: z.string(),
  password: z.string(),
  iceLite: z.boolean().optional(),
});

export const IceCandidateSchema = z.looseObject({
  foundation: z.string(),
  priority: z.number(),
  address: z.string(),
  ip: z.string().optional(),
  protocol: z.enum(['udp', 'tcp']),
  port: z.number().int(),
  type: z.string(),
  tcpType: z.string().optional(),
});

export const TransportOptionsSchema = z.object({
  id,
  iceParameters: IceParametersSchema,
  iceCandidates: z.array(IceCandidateSchema),
  dtlsParameters: DtlsParametersSchema,
  sctpParameters: z.looseObject({}).optional(),
});
export type TransportOptions = z.infer<typeof TransportOptionsSchema>;

export const MediaSourceSchema = z.enum(['mic', 'webcam', 'screen', 'screen-audio']);
export type MediaSource = z.infer<typeof MediaSourceSchema>;

export const MediaKindSchema = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

export const EntityIdSchema = id;
