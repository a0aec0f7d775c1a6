import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
};

/** The meeting service (seed port 8082): meetings and attendance under /api/v1. */
export const meetingsModule: FastifyPluginAsyncZod<MeetingsModuleOptions> = async (app, options) => {
  const { meetings, attendance, publicUrl } = options;
  await app.register(meetingRoutes, { meetings, attendance, publicUrl });
  options.health.add('meetings', async () => {
    await options.db.selectFrom('meetings').select('id').limit(1).execute();
    return { status: 'ok' };
  });
};
