import {
  API_PREFIX,
  AdminMeetingSchema,
  AdminUserSchema,
  AuditEntrySchema,
  EmptySchema,
  FiguresSchema,
  FiringAlertsSchema,
  pageOf,
  type AdminListQuery,
  type AdminUser,
  type Figures,
  type FiringAlerts,
  type UserRole,
} from '@meetai/shared';
import type { z } from 'zod';
import { api } from '../../lib/http';

const base = `${API_PREFIX}/admin`;

const UserPageSchema = pageOf(AdminUserSchema);
const MeetingPageSchema = pageOf(AdminMeetingSchema);
const AuditPageSchema = pageOf(AuditEntrySchema);
export type UserPage = z.infer<typeof UserPageSchema>;
export type MeetingPage = z.infer<typeof MeetingPageSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Search and paging as the tables send them (`q` left out when empty). */
function listQuery({ q, page, page_size }: AdminListQuery) {
  return { ...(q ? { q } : {}), page, page_size };
}

/** Admin mode's REST calls (every one needs the admin role; the server checks). */
export const adminApi = {
  figures: (prometheusUrl: string): Promise<Figures> =>
    api.get(`${base}/monitoring/figures`, FiguresSchema, { query: { url: prometheusUrl } }),
  alerts: (alertmanagerUrl: string): Promise<FiringAlerts> =>
    api.get(`${base}/monitoring/alerts`, FiringAlertsSchema, { query: { url: alertmanagerUrl } }),

  users: (query: AdminListQuery): Promise<UserPage> =>
    api.get(`${base}/users`, UserPageSchema, { query: listQuery(query) }),
  ban: (id: number, reason: string): Promise<AdminUser> =>
    api.post(`${base}/users/${id}/ban`, { reason }, AdminUserSchema),
  unban: (id: number): Promise<AdminUser> => api.post(`${base}/users/${id}/unban`, undefined, AdminUserSchema),
  setRole: (id: number, role: UserRole): Promise<AdminUser> =>
    api.put(`${base}/users/${id}/role`, { role }, AdminUserSchema),
  deleteUser: (id: number): Promise<null> => api.delete(`${base}/users/${id}`, EmptySchema),

  meetings: (query: AdminListQuery): Promise<MeetingPage> =>
    api.get(`${base}/meetings`, MeetingPageSchema, { query: listQuery(query) }),
  endMeeting: (id: number, message: string): Promise<null> =>
    api.post(`${base}/meetings/${id}/end`, message ? { message } : {}, EmptySchema),

  audit: (query: AdminListQuery): Promise<AuditPage> =>
    api.get(`${base}/audit`, AuditPageSchema, { query: listQuery(query) }),
};
