import {
  API_PREFIX,
  EmptySchema,
  JoinMeetingResultSchema,
  MeetingSchema,
  pageOf,
  type CreateMeetingRequest,
  type JoinMeetingResult,
  type Meeting,
  type MeetingScope,
} from '@meetai/shared';
import type { z } from 'zod';
import { api } from '../../lib/http';

const MeetingPageSchema = pageOf(MeetingSchema);
export type MeetingPage = z.infer<typeof MeetingPageSchema>;

const base = `${API_PREFIX}/meetings`;

export const meetingsApi = {
  list: (scope: MeetingScope, page = 1, pageSize = 50): Promise<MeetingPage> =>
    api.get(base, MeetingPageSchema, { query: { scope, page, page_size: pageSize } }),
  get: (id: number): Promise<Meeting> => api.get(`${base}/${id}`, MeetingSchema),
  byCode: (code: string): Promise<Meeting> => api.get(`${base}/by-code/${encodeURIComponent(code)}`, MeetingSchema),
  create: (body: CreateMeetingRequest): Promise<Meeting> => api.post(base, body, MeetingSchema),
  end: (id: number): Promise<Meeting> => api.post(`${base}/${id}/end`, undefined, MeetingSchema),
  remove: (id: number): Promise<null> => api.delete(`${base}/${id}`, EmptySchema),
  /** Attendance (and the passcode check): the lobby's Join, and the room's way back in after a long outage. */
  join: (id: number, passcode?: string): Promise<JoinMeetingResult> =>
    api.post(`${base}/${id}/join`, passcode ? { passcode } : {}, JoinMeetingResultSchema),
};
