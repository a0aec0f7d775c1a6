import { API_PREFIX, MeetingSummarySchema, type MeetingSummary } from '@meetai/shared';
import { ApiError } from '../../lib/api-error';
import { api } from '../../lib/http';

const summaryPath = (meetingId: number) => `${API_PREFIX}/meetings/${meetingId}/summary`;

export const analysisApi = {
  /** The stored summary, or null when none has been made yet. */
  summary: async (meetingId: number): Promise<MeetingSummary | null> => {
    try {
      return await api.get(summaryPath(meetingId), MeetingSummarySchema);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  /** A summary of the transcript so far (final once the meeting has ended). */
  makeSummary: (meetingId: number): Promise<MeetingSummary> =>
    api.post(summaryPath(meetingId), undefined, MeetingSummarySchema),
};
