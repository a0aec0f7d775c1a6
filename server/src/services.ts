import type { FastifyBaseLogger } from 'fastify';
import { AccountGate } from './auth/account-gate';
import { AuthService } from './auth/auth-service';
import { resolveJwtSecret } from './auth/jwt-secret';
import { ProfileService } from './auth/profile-service';
import { TokenService } from './auth/token-service';
import type { Config } from './config';
import type { AppEventBus, AppEvents } from './events/app-events';
import { EventBus } from './events/event-bus';
import { AttemptLedger } from './http/attempt-limiter';
import { AttendanceService } from './meetings/attendance-service';
import { MeetingService } from './meetings/meeting-service';
import { HealthRegistry } from './observability/health-registry';
import { LivePresence } from './signaling/live-presence';
import type { AppDatabase } from './storage/database';

/** Everything the modules share, built once per app: the composition root's output. */
export type AppServices = {
  database: AppDatabase;
  events: AppEventBus;
  health: HealthRegistry;
  tokens: TokenService;
  auth: AuthService;
  profiles: ProfileService;
  meetings: MeetingService;
  attendance: AttendanceService;
  /** Failed attempts (passwords, passcodes, meeting codes), shared by the modules that limit them. */
  attempts: AttemptLedger;
  /** Banned and deleted accounts, refused on every request (see auth/account-gate.ts). */
  accounts: AccountGate;
  /** Who has a signaling socket open now, when this process runs signaling. */
  presence: LivePresence;
};

export function createServices(config: Config, database: AppDatabase, log: FastifyBaseLogger): AppServices {
  const { db } = database;
  const now = () => new Date().toISOString();
  const events: AppEventBus = new EventBus<AppEvents>((event, error) =>
    log.error({ err: error, event }, 'an event listener failed'),
  );
  const tokens = new TokenService({
    secret: resolveJwtSecret(config.dataDir, config.jwtSecret),
    accessTtlS: config.accessTokenTtlS,
    refreshTtlS: config.refreshTokenTtlS,
  });
  const health = new HealthRegistry();
  health.add('db', async () => ({ status: 'ok', latency_ms: await database.ping() }), { isCritical: true });
  return {
    database,
    events,
    health,
    tokens,
    auth: new AuthService(db, tokens, { reuseGraceS: config.refreshReuseGraceS }),
    profiles: new ProfileService(db, now),
    meetings: new MeetingService({ db, events, now }),
    attendance: new AttendanceService({ db, events, now, maxPresent: config.signaling.limits.peersPerMeeting }),
    attempts: new AttemptLedger({
      windowMs: config.attemptLimits.windowS * 1000,
      maxLockoutMs: config.attemptLimits.maxLockoutS * 1000,
    }),
    accounts: new AccountGate(db, events),
    presence: new LivePresence(),
  };
}
