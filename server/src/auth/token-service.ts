import { createHash, createHmac, randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { UserRoleSchema, type UserRole } from '@meetai/shared';
import { AppError } from '../http/app-error';

/** Who made a request, as the access token says. `sessionId` is the refresh-token family of the sign-in. */
export type AuthUser = { id: number; username: string; role: UserRole; sessionId: string };

const ISSUER = 'meetai';
const AUDIENCE = 'meetai-api';

const AccessClaimsSchema = z.object({
  sub: z.string().regex(/^\d+$/),
  username: z.string(),
  role: UserRoleSchema,
  sid: z.string(),
});

export type TokenServiceOptions = {
  secret: Uint8Array;
  accessTtlS: number;
  refreshTtlS: number;
  /** Milliseconds since the epoch; tests move it to mint tokens that are already expired. */
  now?: () => number;
};

export class TokenService {
  private readonly now: () => number;
  /** Imported once: handing jose raw bytes (or a KeyObject) imports the key again on every sign and verify. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(private readonly options: TokenServiceOptions) {
    this.now = options.now ?? Date.now;
    this.key = webcrypto.subtle.importKey('raw', options.secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  async issueAccessToken(
    user: Omit<AuthUser, 'sessionId'>,
    sessionId: string,
  ): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.now() / 1000);
    const expiresAtS = issuedAt + this.options.accessTtlS;
    const token = await new SignJWT({ username: user.username, role: user.role, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAtS)
      .sign(await this.key);
    return { token, expiresAt: new Date(expiresAtS * 1000) };
  }

  /** Throws AppError 401 TOKEN_EXPIRED or TOKEN_INVALID. */
  async verifyAccessToken(token: string): Promise<AuthUser> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new AppError('TOKEN_EXPIRED', 401, 'Your session has expired: refresh the token or sign in again.');
      }
      throw new AppError('TOKEN_INVALID', 401, 'The access token is not valid: sign in again.');
    }
    const claims = AccessClaimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError('TOKEN_INVALID', 401, 'The access token is not valid: sign in again.');
    const { sub, username, role, sid } = claims.data;
    return { id: Number(sub), username, role, sessionId: sid };
  }

  /**
   * A new opaque refresh token and the hash that is stored in its place: 32
   * random bytes at sign-in; on rotation, `previous` keyed through HMAC with the
   * server's secret. Then the token that replaced `previous` can be found again
   * from `previous` alone, without storing any token in the clear: that is what
   * lets a client that lost the answer to its refresh get the same answer again
   * (see AuthService.refresh).
   */
  newRefreshToken(previous?: string): { token: string; hash: string; expiresAt: Date } {
    const token = previous === undefined ? randomBytes(32).toString('base64url') : this.successorOf(previous);
    return { token, hash: hashRefreshToken(token), expiresAt: new Date(this.now() + this.options.refreshTtlS * 1000) };
  }

  /** The refresh token that rotating `previous` issues (or issued). */
  successorOf(previous: string): string {
    return createHmac('sha256', this.options.secret).update(`refresh-successor:${previous}`).digest('base64url');
  }

  newSessionId(): string {
    return randomUUID();
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
