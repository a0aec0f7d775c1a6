import { z } from 'zod';
import { AsrEngineNameSchema, ConfidenceSchema } from '../ai/captions';
import { LineEmotionSchema } from '../ai/emotion';
import { PageQuerySchema } from '../envelope';

/** One final caption as stored with its meeting. */
export const TranscriptLineSchema = z.object({
  id: z.number().int().positive(),
  meeting_id: z.number().int().positive(),
  user_id: z.number().int().positive(),
  speaker_name: z.string(),
  text: z.string(),
  /** ISO 8601 UTC. */
  start_at: z.string(),
  end_at: z.string(),
  /** Milliseconds from the first line of the meeting's transcript (for SRT/VTT and the page's clock). */
  offset_ms: z.number().int().nonnegative(),
  language: z.string(),
  engine: AsrEngineNameSchema,
  model: z.string(),
  confidence: ConfidenceSchema,
  /** The utterance's emotion, when emotion analysis was on; absent or null otherwise. */
  emotion: LineEmotionSchema.nullable().optional(),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

/** `GET /api/v1/meetings/:id/transcript?page&page_size&q`: lines in spoken order; `q` searches the text. */
export const TranscriptQuerySchema = PageQuerySchema.extend({
  page_size: z.coerce.number().int().min(1).max(500).default(100),
  q: z.string().trim().min(1).max(200).optional(),
}).strict();
export type TranscriptQuery = z.infer<typeof TranscriptQuerySchema>;

export const TranscriptExportFormatSchema = z.enum(['txt', 'srt', 'vtt', 'json']);
export type TranscriptExportFormat = z.infer<typeof TranscriptExportFormatSchema>;

export const TranscriptExportQuerySchema = z.object({ format: TranscriptExportFormatSchema.default('txt') }).strict();
