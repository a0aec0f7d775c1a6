import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error';
import type { AccountGate } from './account-gate';
import type { AuthUser, TokenService } from './token-service';

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: verifies `Authorization: Bearer <access token>` and sets `request.user`, or answers 401. */
    authenticate: PreHandler;
    /** preHandler: like `authenticate`, then 403 FORBIDDEN unless the user is an admin. */
    requireAdmin: PreHandler;
    /** For sockets and other non-HTTP callers that hold a token themselves. */
    tokens: TokenService;
  }
  interface FastifyRequest {
    /** The signed-in user. Reading it on a route without `app.authenticate` throws 401 UNAUTHENTICATED. */
    user: AuthUser;
  }
}

const authUsers = new WeakMap<FastifyRequest, AuthUser>();

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new AppError(
      'UNAUTHENTICATED',
      401,
      'Sign in first: this needs an access token (Authorization: Bearer ...).',
      {
        headers: { 'www-authenticate': 'Bearer' },
      },
    );
  }
  return match[1];
}

/**
 * Root-level decorators every module uses to protect its routes:
 * `{ preHandler: app.authenticate }` then `request.user` in the handler.
 * Only the token is checked (no database read), so protected routes stay fast;
 * access tokens are short-lived for that reason. A banned account is refused
 * from the gate's memory (401, so the client's renewal fails and it signs
 * out); admin routes read the role from the database, so a revoked admin is
 * refused at once whatever their token says.
 */
export function installAuthentication(app: FastifyInstance, tokens: TokenService, accounts: AccountGate): void {
  app.decorate('tokens', tokens);
  app.decorateRequest('user', {
    getter(this: FastifyRequest): AuthUser {
      const user = authUsers.get(this);
      if (!user) throw new AppError('UNAUTHENTICATED', 401, 'Sign in first: this needs an access token.');
      return user;
    },
  });

  const authenticate: PreHandler = async (request) => {
    try {
      const user = await tokens.verifyAccessToken(bearerToken(request));
      if (accounts.closedReason(user.id) !== undefined) {
        throw new AppError('UNAUTHENTICATED', 401, 'This session has ended: an administrator closed the account.');
      }
      authUsers.set(request, user);
    } catch (error) {
      if (error instanceof AppError && error.code !== 'UNAUTHENTICATED') {
        error.extra.headers = { 'www-authenticate': 'Bearer error="invalid_token"' };
      }
      throw error;
    }
  };
  app.decorate('authenticate', authenticate);
  app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
    await authenticate(request, reply);
    if ((await accounts.roleOf(request.user.id)) !== 'admin') {
      throw new AppError('FORBIDDEN', 403, 'Only administrators can do this.');
    }
  });
}
