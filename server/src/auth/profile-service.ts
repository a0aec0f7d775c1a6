import type { ChangePasswordRequest, UpdateProfileRequest } from '@meetai/shared';
import { AppError } from '../http/app-error';
import type { Db } from '../storage/database';
import type { UserRow } from '../storage/tables';
import { hashSecret, verifySecret } from './password';
import { RefreshTokenRepository } from './refresh-token-repository';
import type { AuthUser } from './token-service';
import { UserRepository } from './user-repository';

const USER_GONE = () => new AppError('USER_NOT_FOUND', 404, 'This account no longer exists.');

/** The signed-in user's own account: read, edit, change password. */
export class ProfileService {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {}

  async get(userId: number): Promise<UserRow> {
    const user = await new UserRepository(this.db).findById(userId);
    if (!user) throw USER_GONE();
    return user;
  }

  async update(userId: number, patch: UpdateProfileRequest): Promise<UserRow> {
    const user = await new UserRepository(this.db).update(userId, {
      ...(patch.nickname !== undefined ? { nickname: patch.nickname } : {}),
      ...(patch.email !== undefined ? { email: patch.email.toLowerCase() } : {}),
      updated_at: this.now(),
    });
    if (!user) throw USER_GONE();
    return user;
  }

  /** Also signs out every other session of the user; the one that asked stays signed in. */
  async changePassword(auth: AuthUser, input: ChangePasswordRequest): Promise<void> {
    const user = await this.get(auth.id);
    if (!(await verifySecret(user.password_hash, input.old_password))) {
      throw new AppError('WRONG_PASSWORD', 403, 'The current password is incorrect.');
    }
    const passwordHash = await hashSecret(input.new_password);
    await this.db.transaction().execute(async (trx) => {
      const now = this.now();
      await new UserRepository(trx).update(auth.id, { password_hash: passwordHash, updated_at: now });
      await new RefreshTokenRepository(trx).revokeUserSessions(auth.id, 'password_changed', now, auth.sessionId);
    });
  }
}
