import { z } from 'zod';

/** Shareable meeting code, `123-456-789`. */
export const MeetingCodeSchema = z.string().regex(/^\d{3}-\d{3}-\d{3}$/, 'A meeting code looks like 123-456-789');

/** Accepts `123456789`, `123 456 789` or `123-456-789` and returns the canonical form, or null. */
export function normalizeMeetingCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(digits)) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

export const MeetingStatusSchema = z.enum(['scheduled', 'ongoing', 'ended']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const PasscodeSchema = z.string().trim().min(4).max(32);

export const MeetingSchema = z.object({
  id: z.number().int().positive(),
  code: MeetingCodeSchema,
  title: z.string(),
  description: z.string(),
  host_id: z.number().int().positive(),
  host_name: z.string(),
  status: MeetingStatusSchema,
  scheduled_start: z.string().nullable(),
  scheduled_end: z.string().nullable(),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  has_passcode: z.boolean(),
  is_locked: z.boolean(),
  /** Whether a participant the host muted may unmute on their own (otherwise the host lets them, one by one). */
  allow_self_unmute: z.boolean(),
  participant_count: z.number().int().nonnegative(),
  created_at: z.string(),
  updated_at: z.string(),
  /** `<server>/j/<code>`, built from the server's public URL. */
  join_url: z.string(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const CreateMeetingRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    /** Both absent: an instant meeting that starts now. */
    scheduled_start: isoDateTime.optional(),
    scheduled_end: isoDateTime.optional(),
    passcode: PasscodeSchema.optional(),
    /** Default true. */
    allow_self_unmute: z.boolean().optional(),
  })
  .strict()
  .refine(
    (m) => !m.scheduled_start || !m.scheduled_end || Date.parse(m.scheduled_end) > Date.parse(m.scheduled_start),
    { message: 'The end must come after the start', path: ['scheduled_end'] },
  )
  .refine((m) => !m.scheduled_end || m.scheduled_start, {
    message: 'A scheduled end needs a scheduled start',
    path: ['scheduled_start'],
  });
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequestSchema>;

export const UpdateMeetingRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    scheduled_start: isoDateTime.nullable().optional(),
    scheduled_end: isoDateTime.nullable().optional(),
    /** null removes the passcode. */
    passcode: PasscodeSchema.nullable().optional(),
    is_locked: z.boolean().optional(),
    allow_self_unmute: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'Give at least one field to change');
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequestSchema>;

export const MeetingScopeSchema = z.enum(['upcoming', 'ongoing', 'past']);
export type MeetingScope = z.infer<typeof MeetingScopeSchema>;

export const ListMeetingsQuerySchema = z
  .object({
    scope: MeetingScopeSchema.default('upcoming'),
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuerySchema>;

export const MeetingIdParamsSchema = z.object({ id: z.coerce.number().int().positive() }).strict();
export const MeetingCodeParamsSchema = z.object({ code: z.string().max(32) }).strict();

export const JoinMeetingRequestSchema = z.object({ passcode: z.string().max(32).optional() }).strict();
export type JoinMeetingRequest = z.infer<typeof JoinMeetingRequestSchema>;

export const ParticipantRoleSchema = z.enum(['host', 'participant']);
export type ParticipantRole = z.infer<typeof ParticipantRoleSchema>;

export const ParticipantSchema = z.object({
  user_id: z.number().int().positive(),
  username: z.string(),
  nickname: z.string(),
  role: ParticipantRoleSchema,
  joined_at: z.string(),
  left_at: z.string().nullable(),
  is_present: z.boolean(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const JoinMeetingResultSchema = z.object({
  meeting: MeetingSchema,
  participant: ParticipantSchema,
});
export type JoinMeetingResult = z.infer<typeof JoinMeetingResultSchema>;

export const ParticipantListSchema = z.array(ParticipantSchema);
