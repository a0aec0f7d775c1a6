import type { LoginRequest, RegisterRequest, TokenPair, UserRole } from '@meetai/shared';
import { AppError } from '../http/app-error';
import type { Db } from '../storage/database';
import type { RefreshTokenRow, UserRow } from '../storage/tables';
import { hashSecret, verifyDecoy, verifySecret } from './password';
import { RefreshTokenRepository } from './refresh-token-repository';
import { TokenService, hashRefreshToken } from './token-service';
import { toUser } from './user-mapper';
import { UserRepository } from './user-repository';

const INVALID_CREDENTIALS = () => new AppError('INVALID_CREDENTIALS', 401, 'The username or password is incorrect.');
const REFRESH_INVALID = () =>
  new AppError('REFRESH_TOKEN_INVALID', 401, 'This session is no longer valid: sign in again.');

type IssuedRefresh = { user: UserRow; familyId: string; token: string; expiresAt: Date };

export type AuthServiceOptions = {
  /**
   * How long a refresh token that was just replaced still leads to its
   * replacement instead of counting as reuse (0: never). Covers two tabs that
   * refresh at the same moment and an answer lost on the way back.
   */
  reuseGraceS: number;
};

/** A grace answer follows at most this many rotations made since the presented token was replaced. */
const MAX_GRACE_HOPS = 16;

/** Accounts and sessions: register, sign in, rotate refresh tokens, sign out. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly tokens: TokenService,
    private readonly options: AuthServiceOptions = { reuseGraceS: 0 },
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
    // Said only to someone who knows the password: a ban is not disclosed to a guesser.
    if (found.banned_at !== null) {
      const reason = found.ban_reason ?? '';
      throw new AppError('ACCOUNT_BANNED', 403, `An administrator has suspended this account: ${reason}`, {
        details: [{ path: 'reason', message: reason }],
      });
    }
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
   *
   * Except within the reuse grace: a token replaced by rotation less than
   * `reuseGraceS` ago gets the family's current token back (the very one its
   * rotation issued, or what that one was rotated into since), with a fresh
   * access token. Nothing new is issued, so the family stays one chain and a
   * later reuse is still caught. Who can use this: only a holder of a token
   * that was valid seconds ago; such a holder could have refreshed with it
   * seconds earlier anyway. Without it, a second tab refreshing at the same
   * moment, or a refresh whose answer was lost, signs the user out everywhere.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const repo = new RefreshTokenRepository(trx);
      const now = this.tokens.nowIso();
      const row = await repo.findByHash(hashRefreshToken(refreshToken));
      if (!row) return 'invalid' as const;
      if (row.revoked_at !== null) {
        const current = await this.currentInGrace(trx, refreshToken, row, now);
        if (current) return current;
        await repo.revokeFamily(row.family_id, 'reused', now);
        return 'reused' as const;
      }
      if (row.expires_at <= now) return 'invalid' as const;
      const user = await new UserRepository(trx).findById(row.user_id);
      if (!user) return 'invalid' as const;
      await repo.revoke(row.id, 'rotated', now);
      return this.storeRefreshToken(trx, user, row.family_id, refreshToken);
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

  /**
   * The live token a recently rotated one leads to, following rotations made
   * since; null when the presented token was not replaced by rotation within
   * the grace, or the chain ends in a token that is revoked otherwise or expired.
   */
  private async currentInGrace(
    db: Db,
    presented: string,
    row: RefreshTokenRow,
    now: string,
  ): Promise<IssuedRefresh | null> {
    const graceStart = new Date(Date.parse(now) - this.options.reuseGraceS * 1000).toISOString();
    const repo = new RefreshTokenRepository(db);
    let token = presented;
    let current = row;
    for (let hop = 0; hop < MAX_GRACE_HOPS; hop++) {
      const isRecentlyRotated =
        current.revoked_reason === 'rotated' && current.revoked_at !== null && current.revoked_at > graceStart;
      if (!isRecentlyRotated) return null;
      token = this.tokens.successorOf(token);
      const next = await repo.findByHash(hashRefreshToken(token));
      if (!next || next.family_id !== row.family_id) return null;
      if (next.revoked_at === null) {
        if (next.expires_at <= now) return null;
        const user = await new UserRepository(db).findById(next.user_id);
        return user ? { user, familyId: next.family_id, token, expiresAt: new Date(next.expires_at) } : null;
      }
      current = next;
    }
    return null;
  }

  private async storeRefreshToken(db: Db, user: UserRow, familyId: string, previous?: string): Promise<IssuedRefresh> {
    const { token, hash, expiresAt } = this.tokens.newRefreshToken(previous);
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
