import { API_PREFIX, JoinMeetingResultSchema, type JoinMeetingResult } from '@meetai/shared';
import { api } from '../../lib/http';

export const lobbyApi = {
  join: (meetingId: number, passcode?: string): Promise<JoinMeetingResult> =>
    api.post(`${API_PREFIX}/meetings/${meetingId}/join`, passcode ? { passcode } : {}, JoinMeetingResultSchema),
};
