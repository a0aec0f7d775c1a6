import type { LoginRequest, RegisterRequest, TokenPair, UserRole } from '@meetai/shared';
import { AppError } from '../http/app-error';
import type { Db } from '../storage/database';
import type { UserRow } from '../storage/tables';
import { hashSecret, verifyDecoy, verifySecret } from './password';
import { RefreshTokenRepository } from './refresh-token-repository';
import { TokenService, hashRefreshToken } from './token-service';
import { toUser } from './user-mapper';
import { UserRepository } from './user-repository';

const INVALID_CREDENTIALS = () => new AppError('INVALID_CREDENTIALS', 401, 'The username or password is incorrect.');
const REFRESH_INVALID = () =>
  new AppError('REFRESH_TOKEN_INVALID', 401, 'This session is no longer valid: sign in again.');

type IssuedRefresh = { user: UserRow; familyId: string; token: string; expiresAt: Date };

/** Accounts and sessions: register, sign in, rotate refresh tokens, sign out. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly tokens: TokenService,
  ) {}

  async register(input: RegisterRequest, role: UserRole = 'user'): Promise<UserRow> {
    const passwordHash = await hashSecret(input.password);
    const now = this.tokens.nowIso();
    return new UserRepository(this.db).insert({
      username: input.username,
      email: input.email.toLowerCase(),
      nickname: input.nickname ?? input.username,
      password_hash: passwordHash,
      role,
      created_at: now,
      updated_at: now,
    });
  }

  /** One name per account for attempt limits, whether it was typed as username or email (or does not exist). */
  async accountKey(login: string): Promise<string> {
    const found = await new UserRepository(this.db).findByLogin(login.trim());
    return found ? `user:${found.id}` : `unknown:${login.trim().toLowerCase()}`;
  }

  /** Throws 401 INVALID_CREDENTIALS with the same words and similar timing whichever part was wrong. */
  async login(input: LoginRequest): Promise<TokenPair> {
    const found = await new UserRepository(this.db).findByLogin(input.username);
    const isValid = found ? await verifySecret(found.password_hash, input.password) : await verifyDecoy(input.password);
    if (!found || !isValid) throw INVALID_CREDENTIALS();
    const familyId = this.tokens.newSessionId();
    const issued = await this.db.transaction().execute(async (trx) => {
      const now = this.tokens.nowIso();
      const user = await new UserRepository(trx).update(found.id, { last_login_at: now });
      if (!user) throw INVALID_CREDENTIALS();
      return this.storeRefreshToken(trx, user, familyId);
    });
    return this.tokenPair(issued);
  }

  /**
   * Rotates: the presented token is revoked and a new one issued in the same
   * family. A token that was already revoked means it leaked (or was replayed),
   * so the whole family is revoked and everyone holding it must sign in again.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const repo = new RefreshTokenRepository(trx);
      const now = this.tokens.nowIso();
      const row = await repo.findByHash(hashRefreshToken(refreshToken));
      if (!row) return 'invalid' as const;
      if (row.revoked_at !== null) {
        await repo.revokeFamily(row.family_id, 'reused', now);
        return 'reused' as const;
      }
      if (row.expires_at <= now) return 'invalid' as const;
      const user = await new UserRepository(trx).findById(row.user_id);
      if (!user) return 'invalid' as const;
      await repo.revoke(row.id, 'rotated', now);
      return this.storeRefreshToken(trx, user, row.family_id);
    });
    // Thrown after the transaction so the family revocation is committed, not rolled back.
    if (outcome === 'invalid' || outcome === 'reused') throw REFRESH_INVALID();
    return this.tokenPair(outcome);
  }

  /** Idempotent: an unknown or already revoked token is not an error. */
  async logout(refreshToken: string): Promise<void> {
    const repo = new RefreshTokenRepository(this.db);
    const row = await repo.findByHash(hashRefreshToken(refreshToken));
    if (row) await repo.revoke(row.id, 'logout', this.tokens.nowIso());
  }

  private async storeRefreshToken(db: Db, user: UserRow, familyId: string): Promise<IssuedRefresh> {
    const { token, hash, expiresAt } = this.tokens.newRefreshToken();
    await new RefreshTokenRepository(db).insert({
      user_id: user.id,
      family_id: familyId,
      token_hash: hash,
      created_at: this.tokens.nowIso(),
      expires_at: expiresAt.toISOString(),
    });
    return { user, familyId, token, expiresAt };
  }

  private async tokenPair(issued: IssuedRefresh): Promise<TokenPair> {
    const { user } = issued;
    const access = await this.tokens.issueAccessToken(
      { id: user.id, username: user.username, role: user.role },
      issued.familyId,
    );
    return {
      token: access.token,
      refresh_token: issued.token,
      expires_at: access.expiresAt.toISOString(),
      refresh_expires_at: issued.expiresAt.toISOString(),
      user: toUser(user),
    };
  }
}
