import { z } from 'zod';
import { AsrEngineNameSchema, CaptionLanguageSchema, ConfidenceSchema, LanguageChoiceSchema } from './captions';

/** The longest clip `POST /api/v1/ai/asr` takes: a minute. */
export const ASR_MAX_AUDIO_SECONDS = 60;
/**
 * Body limit of the AI upload routes: a minute of 16 kHz mono 16-bit WAV is
 * 1.92 MB, base64 makes it 2.56 MB; a little room for the JSON around it.
 */
export const AI_UPLOAD_MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Seed-compatible request: base64 (standard alphabet, no data-URL prefix) WAV or raw s16le PCM. */
export const AsrRequestSchema = z
  .object({
    audio_data: z.string().min(1).max(AI_UPLOAD_MAX_BODY_BYTES),
    format: z.enum(['wav', 'pcm']).default('wav'),
    sample_rate: z.number().int().min(8000).max(48000).default(16000),
    channels: z.number().int().min(1).max(2).default(1),
    language: LanguageChoiceSchema.default('auto'),
    meeting_id: z.number().int().positive().optional(),
  })
  .strict();
export type AsrRequest = z.input<typeof AsrRequestSchema>;

export const AsrResultSchema = z.object({
  text: z.string(),
  confidence: ConfidenceSchema,
  language: z.string(),
  /** Length of the audio, in milliseconds. */
  audio_ms: z.number().int().nonnegative(),
  /** Processing time, in milliseconds (the seed's meaning of `duration_ms`). */
  duration_ms: z.number().int().nonnegative(),
  engine: AsrEngineNameSchema,
  model: z.string(),
});
export type AsrResult = z.infer<typeof AsrResultSchema>;

export const EngineStatusSchema = z.enum(['ready', 'starting', 'restarting', 'unavailable']);
export type EngineStatus = z.infer<typeof EngineStatusSchema>;

export const AsrEngineInfoSchema = z.object({
  engine: AsrEngineNameSchema,
  model: z.string(),
  /** Versions of the runtime pieces (e.g. faster-whisper, ctranslate2, libpocketsphinx). */
  versions: z.record(z.string(), z.string()),
  languages: z.array(CaptionLanguageSchema),
  is_multilingual: z.boolean(),
  status: EngineStatusSchema,
  /** Why the engine is not ready, in a sentence; null when ready. */
  reason: z.string().nullable(),
});
export type AsrEngineInfo = z.infer<typeof AsrEngineInfoSchema>;

/** `GET /api/v1/ai/info`: what produces captions on this server. */
export const AiInfoSchema = z.object({
  service: z.literal('ai'),
  version: z.string(),
  /** The engine captions use; null when captions are switched off on this server. */
  asr: AsrEngineInfoSchema.nullable(),
  vad: z.object({ method: z.string(), version: z.string() }),
  /** What a user must do to get Chinese captions when the installed model is English-only. */
  notes: z.array(z.string()),
});
export type AiInfo = z.infer<typeof AiInfoSchema>;

/** `GET /api/v1/ai/health`. */
export const AiHealthSchema = z.object({
  status: z.enum(['up', 'degraded', 'down']),
  asr: EngineStatusSchema.nullable(),
  message: z.string().nullable(),
  live_taps: z.number().int().nonnegative(),
  queued_utterances: z.number().int().nonnegative(),
});
export type AiHealth = z.infer<typeof AiHealthSchema>;
