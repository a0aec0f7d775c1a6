import { z } from 'zod';
import { ParticipantRoleSchema } from './meetings';
import { UserRoleSchema } from './users';

/** `/api/v1/admin/meetings/:id/peers/:peerId/...`: one live connection of a meeting. */
export const AdminPeerParamsSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    peerId: z.string().min(1).max(128),
  })
  .strict();
export type AdminPeerParams = z.infer<typeof AdminPeerParamsSchema>;

const IdSchema = z.number().int().positive();

/** `/api/v1/admin/users/:id` and `/api/v1/admin/meetings/:id`. */
export const AdminIdParamsSchema = z.object({ id: z.coerce.number().int().positive() }).strict();

/** Search and paging for the admin tables: `q` matches names (and emails, codes, actions) anywhere, ignoring case. */
export const AdminListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type AdminListQuery = z.infer<typeof AdminListQuerySchema>;

export const AdminUserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  email: z.string(),
  nickname: z.string(),
  role: UserRoleSchema,
  created_at: z.string(),
  last_login_at: z.string().nullable(),
  /** Set while the account is banned: no sign-in, no session, no socket. */
  banned_at: z.string().nullable(),
  ban_reason: z.string().nullable(),
  /** Signaling sockets open now on this server. */
  live_sockets: z.number().int().nonnegative(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const BanReasonSchema = z.string().trim().min(1).max(500);

export const BanUserRequestSchema = z.object({ reason: BanReasonSchema }).strict();
export type BanUserRequest = z.infer<typeof BanUserRequestSchema>;

export const SetRoleRequestSchema = z.object({ role: UserRoleSchema }).strict();
export type SetRoleRequest = z.infer<typeof SetRoleRequestSchema>;

export const AdminParticipantSchema = z.object({
  user_id: IdSchema,
  username: z.string(),
  nickname: z.string(),
  role: ParticipantRoleSchema,
  joined_at: z.string(),
  /** Has a live signaling socket in the room now (present over REST but not connected is possible). */
  is_connected: z.boolean(),
});
export type AdminParticipant = z.infer<typeof AdminParticipantSchema>;

/** An ongoing meeting as admin mode lists it. */
export const AdminMeetingSchema = z.object({
  id: IdSchema,
  code: z.string(),
  title: z.string(),
  host_id: IdSchema,
  host_name: z.string(),
  started_at: z.string().nullable(),
  is_locked: z.boolean(),
  participants: z.array(AdminParticipantSchema),
});
export type AdminMeeting = z.infer<typeof AdminMeetingSchema>;

export const ForceEndRequestSchema = z
  .object({
    /** Shown to everyone sent home; a default sentence when absent. */
    message: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type ForceEndRequest = z.infer<typeof ForceEndRequestSchema>;

export const AuditActionSchema = z.enum([
  'user.ban',
  'user.unban',
  'user.grant_admin',
  'user.revoke_admin',
  'user.delete',
  'meeting.force_end',
  'peer.disconnect',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One admin action, kept even when its actor or target is deleted later (names are copied in). */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: z.string(),
  actor_id: IdSchema,
  actor_name: z.string(),
  action: AuditActionSchema,
  target_type: z.enum(['user', 'meeting']),
  target_id: IdSchema,
  target_label: z.string(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
