import {
  AiInfoSchema,
  API_PREFIX,
  TranscriptLineSchema,
  pageOf,
  type AiInfo,
  type TranscriptExportFormat,
} from '@meetai/shared';
import type { z } from 'zod';
import { api, type DownloadedFile } from '../../lib/http';

const TranscriptPageSchema = pageOf(TranscriptLineSchema);
export type TranscriptPage = z.infer<typeof TranscriptPageSchema>;

export interface TranscriptQuery {
  page: number;
  pageSize: number;
  /** Searched on the server (full text); omitted for every line. */
  q?: string;
}

const transcriptPath = (meetingId: number) => `${API_PREFIX}/meetings/${meetingId}/transcript`;

export const transcriptsApi = {
  page: (meetingId: number, { page, pageSize, q }: TranscriptQuery): Promise<TranscriptPage> =>
    api.get(transcriptPath(meetingId), TranscriptPageSchema, { query: { page, page_size: pageSize, q } }),
  export: (meetingId: number, format: TranscriptExportFormat): Promise<DownloadedFile> =>
    api.download(`${transcriptPath(meetingId)}/export`, { query: { format } }),
  /** What produces captions on this server: engine, model, versions, languages. */
  aiInfo: (): Promise<AiInfo> => api.get(`${API_PREFIX}/ai/info`, AiInfoSchema),
};
