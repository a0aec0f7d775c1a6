import { API_PREFIX } from '@meetai/shared';
import { z } from 'zod';
import { api } from '../../lib/http';

export const roomApi = {
  leave: (meetingId: number): Promise<unknown> => api.post(`${API_PREFIX}/meetings/${meetingId}/leave`, undefined, z.unknown()),
};
