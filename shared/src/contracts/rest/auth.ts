import { z } from 'zod';
import { NicknameSchema, PasswordSchema, UserSchema, UsernameSchema } from './users';

export const RegisterRequestSchema = z
  .object({
    username: UsernameSchema,
    email: z.email().max(254),
    password: PasswordSchema,
    nickname: NicknameSchema.optional(),
  })
  .strict();
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const LoginRequestSchema = z
  .object({
    /** A username or an email address. */
    username: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(128),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** What login and refresh return: a short-lived access JWT plus a rotating refresh token. */
export const TokenPairSchema = z.object({
  token: z.string(),
  refresh_token: z.string(),
  /** When `token` expires, ISO 8601. */
  expires_at: z.string(),
  refresh_expires_at: z.string(),
  user: UserSchema,
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

export const RefreshRequestSchema = z.object({ refresh_token: z.string().min(16).max(512) }).strict();
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const LogoutRequestSchema = RefreshRequestSchema;
export type LogoutRequest = RefreshRequest;
