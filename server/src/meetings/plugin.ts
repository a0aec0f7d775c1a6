import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AttemptLimits } from '../config';
import type { AttemptLedger } from '../http/attempt-limiter';
import type { HealthRegistry } from '../observability/health-registry';
import type { Db } from '../storage/database';
import type { AttendanceService } from './attendance-service';
import { meetingRoutes } from './meeting-routes';
import type { MeetingService } from './meeting-service';

export type MeetingsModuleOptions = {
  db: Db;
  meetings: MeetingService;
  attendance: AttendanceService;
  publicUrl: string;
  health: HealthRegistry;
  attempts: AttemptLedger;
  attemptLimits: AttemptLimits;
};

/** The meeting service (seed port 8082): meetings and attendance under /api/v1. */
export const meetingsModule: FastifyPluginAsyncZod<MeetingsModuleOptions> = async (app, options) => {
  const { meetings, attendance, publicUrl, attempts, attemptLimits } = options;
  await app.register(meetingRoutes, { meetings, attendance, publicUrl, attempts, attemptLimits });
  options.health.add('meetings', async () => {
    await options.db.selectFrom('meetings').select('id').limit(1).execute();
    return { status: 'ok' };
  });
};
