import { API_PREFIX, EmptySchema } from '@meetai/shared';
import { api } from '../../lib/http';

export const roomApi = {
  leave: (meetingId: number): Promise<null> =>
    api.post(`${API_PREFIX}/meetings/${meetingId}/leave`, undefined, EmptySchema),
};
