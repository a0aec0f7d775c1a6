import { z } from 'zod';
import { EmotionEstimateSchema } from './emotion';

/** Languages captions can be in. `auto` asks the engine to detect per utterance. */
export const CaptionLanguageSchema = z.enum(['en', 'zh']);
export type CaptionLanguage = z.infer<typeof CaptionLanguageSchema>;
export const LanguageChoiceSchema = z.enum(['auto', 'en', 'zh']);
export type LanguageChoice = z.infer<typeof LanguageChoiceSchema>;

/** Which speech engine produced a line. Every AI result names its engine and model. */
export const AsrEngineNameSchema = z.enum(['whisper', 'pocketsphinx']);
export type AsrEngineName = z.infer<typeof AsrEngineNameSchema>;

export const ConfidenceSchema = z.number().min(0).max(1);

/**
 * One caption line as it travels over signaling. An utterance is sent several
 * times with the same `id`: interim versions while the person speaks (the text
 * grows and may change), then exactly one final. Receivers upsert by `id`.
 */
export const CaptionSchema = z.object({
  id: z.string().min(1).max(64),
  meetingId: z.number().int().positive(),
  peerId: z.string().min(1).max(64),
  userId: z.number().int().positive(),
  displayName: z.string().max(64),
  text: z.string().max(4000),
  /** Epoch milliseconds of the utterance's first and (so far) last voiced audio. */
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  isFinal: z.boolean(),
  language: z.string().min(2).max(8),
  engine: AsrEngineNameSchema,
  model: z.string().max(128),
  confidence: ConfidenceSchema,
  /** On finals, when the host left emotion analysis on: this utterance's emotion. */
  emotion: EmotionEstimateSchema.optional(),
});
export type Caption = z.infer<typeof CaptionSchema>;

/**
 * What the room knows about captions right now.
 * - `off`: the host switched them off (or the server has no engine configured);
 * - `active`: speech is being transcribed on this server;
 * - `delayed`: the engine is behind; interim lines are skipped, finals come late;
 * - `paused`: the engine is restarting; captions resume by themselves;
 * - `unavailable`: the engine could not start (reason says why).
 */
export const CaptionsStateSchema = z.enum(['off', 'active', 'delayed', 'paused', 'unavailable']);
export type CaptionsState = z.infer<typeof CaptionsStateSchema>;

export const CaptionsStatusSchema = z.object({
  enabled: z.boolean(),
  state: CaptionsStateSchema,
  /** A sentence for people when the state is not `active` (English; clients translate by state). */
  reason: z.string().max(500).nullable(),
  engine: AsrEngineNameSchema.nullable(),
  model: z.string().max(128).nullable(),
  languages: z.array(CaptionLanguageSchema),
  /** The meeting's caption language: a fixed one, or `auto` (detected per utterance). */
  language: LanguageChoiceSchema,
});
export type CaptionsStatus = z.infer<typeof CaptionsStatusSchema>;
