import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config';
import type { AppServices } from '../services';
import { adminHealthRoutes } from './admin-health-routes';
import { AdminMeetingService } from './admin-meeting-service';
import { adminRoutes } from './admin-routes';
import { AdminUserService } from './admin-user-service';
import { AuditLog } from './audit-log';

export type AdminModuleOptions = { services: AppServices; config: Config };

/**
 * Admin mode's server side (mounted with the user service): the system's
 * health, Prometheus's figures and Alertmanager's alerts, and administration
 * of users and meetings. Every route needs the admin role, checked here for
 * all of them at once (403 FORBIDDEN otherwise).
 */
export const adminModule: FastifyPluginAsync<AdminModuleOptions> = async (app, { services, config }) => {
  app.addHook('preHandler', app.requireAdmin);
  const now = () => new Date().toISOString();
  const db = services.database.db;
  const audit = new AuditLog(db, now);
  const deps = { db, presence: services.presence, audit, events: services.events, now };
  await app.register(adminRoutes, {
    users: new AdminUserService({ ...deps, accounts: services.accounts }),
    meetings: new AdminMeetingService(deps),
    audit,
  });
  await app.register(adminHealthRoutes, { port: config.port, overrides: config.healthTargets });
};
