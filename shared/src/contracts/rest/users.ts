import { z } from 'zod';

export const UserRoleSchema = z.enum(['user', 'admin']);
export type UserRole = z.infer<typeof UserRoleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{3,32}$/, 'Use 3 to 32 letters, digits or underscores');

export const NicknameSchema = z.string().trim().min(1).max(50);

/** Rules the register screen shows as you type; the server enforces the same list. */
export const PASSWORD_RULES = [
  { id: 'length', test: (p: string) => p.length >= 8 && p.length <= 128 },
  { id: 'letter', test: (p: string) => /\p{L}/u.test(p) },
  { id: 'digit', test: (p: string) => /\d/.test(p) },
] as const;
export type PasswordRuleId = (typeof PASSWORD_RULES)[number]['id'];

export function failedPasswordRules(password: string): PasswordRuleId[] {
  return PASSWORD_RULES.filter((rule) => !rule.test(password)).map((rule) => rule.id);
}

export const PasswordSchema = z.string().superRefine((value, ctx) => {
  const failed = failedPasswordRules(value);
  if (failed.length) {
    ctx.addIssue({
      code: 'custom',
      message: 'Use 8 to 128 characters with at least one letter and one digit',
      params: { failed },
    });
  }
});

export const UserSchema = z.object({
  id: z.number().int().positive(),
  username: z.string(),
  email: z.string(),
  nickname: z.string(),
  role: UserRoleSchema,
  created_at: z.string(),
  last_login_at: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UpdateProfileRequestSchema = z
  .object({
    nickname: NicknameSchema.optional(),
    email: z.email().max(254).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'Give at least one field to change');
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequestSchema>;

export const ChangePasswordRequestSchema = z
  .object({
    old_password: z.string().min(1).max(128),
    new_password: PasswordSchema,
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
