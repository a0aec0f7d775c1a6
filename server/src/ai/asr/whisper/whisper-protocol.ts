import { z } from 'zod';
import type { LanguageChoice } from '@meetai/shared';

/**
 * The pipe between Node and `whisper_worker.py` (README.md has the whole
 * protocol). A request is one JSON header line followed by exactly
 * `samples * 4` bytes of little-endian float32 PCM at 16 kHz; every message
 * back is one JSON line, parsed here before anything trusts it.
 */

/** The worker refuses longer audio; uploads stop at 60 s and utterances are cut by the VAD long before. */
export const WORKER_MAX_AUDIO_SECONDS = 300;

export const WorkerReadySchema = z.object({
  type: z.literal('ready'),
  model: z.string().min(1),
  model_dir: z.string(),
  versions: z.record(z.string(), z.string()),
  languages: z.array(z.enum(['en', 'zh'])).min(1),
  multilingual: z.boolean(),
  threads: z.number().int().positive(),
  window: z.enum(['fit', 'full']),
  load_ms: z.number().int().nonnegative(),
});
export type WorkerReady = z.infer<typeof WorkerReadySchema>;

export const WorkerResultSchema = z.object({
  type: z.literal('result'),
  id: z.string().min(1),
  text: z.string(),
  language: z.string().min(2),
  language_probability: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  timings: z.object({ audio_ms: z.number().int().nonnegative(), decode_ms: z.number().int().nonnegative() }),
});
export type WorkerResult = z.infer<typeof WorkerResultSchema>;

/** A request the worker could not serve; `id` is null when the header itself was unreadable. */
export const WorkerErrorSchema = z.object({
  type: z.literal('error'),
  id: z.string().nullable(),
  error: z.string(),
});

/** The model could not load; the worker exits after sending it. */
export const WorkerFatalSchema = z.object({ type: z.literal('fatal'), error: z.string() });

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  WorkerReadySchema,
  WorkerResultSchema,
  WorkerErrorSchema,
  WorkerFatalSchema,
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** One request, framed: the header line, then the samples' bytes (little-endian, as on every platform Node runs us on). */
export function encodeRequest(id: string, language: LanguageChoice, pcm: Float32Array): Buffer {
  const header = Buffer.from(`${JSON.stringify({ id, language, samples: pcm.length })}\n`, 'utf8');
  return Buffer.concat([header, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]);
}

/** A line from the worker's stdout, or null when it is not a protocol message. */
export function parseWorkerLine(line: string): WorkerMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = WorkerMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
