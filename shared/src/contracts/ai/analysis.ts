import { z } from 'zod';
import { AI_UPLOAD_MAX_BODY_BYTES } from './asr';
import { ConfidenceSchema, LanguageChoiceSchema } from './captions';
import { EmotionEstimateSchema } from './emotion';

/**
 * What the AI module infers beyond the words: emotion per utterance and per
 * speaker, an experimental synthetic-voice indicator, and meeting summaries.
 * Every result names its method and how sure it is; the indicator is a
 * heuristic and is always called one.
 */

/** Wording shown wherever the indicator's output appears. */
export const SYNTHESIS_INDICATOR_LABEL = 'experimental synthetic-voice indicator';

/** A speaker's running synthetic-voice state, for the alert notification and the tile badge. */
export const SynthesisAlertSchema = z.object({
  peerId: z.string().min(1).max(64),
  userId: z.number().int().positive(),
  displayName: z.string().max(64),
  /** `raised`: several recent utterances looked synthetic; `cleared`: they no longer do. */
  state: z.enum(['raised', 'cleared']),
  /** Mean score (0..1) of the speaker's recent utterances. */
  score: ConfidenceSchema,
  flaggedUtterances: z.number().int().nonnegative(),
  utterances: z.number().int().nonnegative(),
  label: z.literal(SYNTHESIS_INDICATOR_LABEL),
  /** What the score is based on, in a sentence. */
  method: z.string().min(1).max(500),
});
export type SynthesisAlert = z.infer<typeof SynthesisAlertSchema>;

/** A speaker's emotion smoothed over their recent utterances. */
export const SpeakerEmotionSchema = z.object({
  peerId: z.string().min(1).max(64),
  userId: z.number().int().positive(),
  displayName: z.string().max(64),
  estimate: EmotionEstimateSchema,
  /** Utterances the running estimate is made from. */
  utterances: z.number().int().positive(),
});
export type SpeakerEmotion = z.infer<typeof SpeakerEmotionSchema>;

/** The host's switches for the meeting's analysis, and what each runs on. */
export const AnalysisStatusSchema = z.object({
  emotion: z.boolean(),
  synthesis: z.boolean(),
  emotionMethod: z.string().max(500),
  synthesisMethod: z.string().max(500),
});
export type AnalysisStatus = z.infer<typeof AnalysisStatusSchema>;

// --- REST: `/api/v1/ai/emotion`, `/ai/synthesis`, `/ai/summary`, `/meetings/:id/summary` ---

export const ANALYSIS_MAX_TEXT_CHARS = 5000;
/** A long meeting's transcript: about two hours of speech. */
export const SUMMARY_MAX_TEXT_CHARS = 200_000;

export const EmotionRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(ANALYSIS_MAX_TEXT_CHARS),
    language: LanguageChoiceSchema.default('auto'),
  })
  .strict();
export type EmotionRequest = z.input<typeof EmotionRequestSchema>;

export const EmotionResultSchema = EmotionEstimateSchema.extend({
  /** The language the text was read as (detected when the request said `auto`). */
  language: z.enum(['en', 'zh']),
});
export type EmotionResult = z.infer<typeof EmotionResultSchema>;

/** Seed-compatible upload, as `/ai/asr` takes it. */
export const SynthesisRequestSchema = z
  .object({
    audio_data: z.string().min(1).max(AI_UPLOAD_MAX_BODY_BYTES),
    format: z.enum(['wav', 'pcm']).default('wav'),
    sample_rate: z.number().int().min(8000).max(48000).default(16000),
    channels: z.number().int().min(1).max(2).default(1),
  })
  .strict();
export type SynthesisRequest = z.input<typeof SynthesisRequestSchema>;

export const SynthesisResultSchema = z.object({
  is_synthetic: z.boolean(),
  /** 0..1: how synthetic the voice looks to the indicator. */
  score: ConfidenceSchema,
  /** 0..1: how far the score is from the decision threshold (not a calibrated probability). */
  confidence: ConfidenceSchema,
  label: z.literal(SYNTHESIS_INDICATOR_LABEL),
  method: z.string(),
  /** The measurements the score came from (feature-based indicator only). */
  features: z.record(z.string(), z.number()).nullable(),
  audio_ms: z.number().int().nonnegative(),
});
export type SynthesisResult = z.infer<typeof SynthesisResultSchema>;

export const SummaryRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(SUMMARY_MAX_TEXT_CHARS),
    language: LanguageChoiceSchema.default('auto'),
    max_sentences: z.number().int().min(1).max(20).default(5),
  })
  .strict();
export type SummaryRequest = z.input<typeof SummaryRequestSchema>;

export const ActionItemKindSchema = z.enum(['decision', 'action']);
export type ActionItemKind = z.infer<typeof ActionItemKindSchema>;

export const SummarySentenceSchema = z.object({
  text: z.string(),
  /** Position of the sentence in the input (0-based). */
  index: z.number().int().nonnegative(),
  score: z.number().nonnegative(),
});

export const ActionItemSchema = z.object({
  kind: ActionItemKindSchema,
  text: z.string(),
  /** Who will do it, when the sentence names someone. */
  who: z.string().nullable(),
  what: z.string(),
  /** By when, as said ("by Friday", "下周"). */
  when: z.string().nullable(),
  index: z.number().int().nonnegative(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const SummaryResultSchema = z.object({
  /** The chosen sentences in spoken order, joined. */
  summary: z.string(),
  sentences: z.array(SummarySentenceSchema),
  action_items: z.array(ActionItemSchema),
  language: z.enum(['en', 'zh']),
  method: z.string(),
});
export type SummaryResult = z.infer<typeof SummaryResultSchema>;

/** A place in the meeting's transcript a summary sentence or item comes from. */
const TranscriptRefSchema = z.object({
  line_id: z.number().int().positive(),
  speaker_name: z.string(),
  offset_ms: z.number().int().nonnegative(),
});

/** `GET /api/v1/meetings/:id/summary`: made when the meeting ends (and on demand while it runs). */
export const MeetingSummarySchema = z.object({
  meeting_id: z.number().int().positive(),
  /** ISO 8601 UTC. */
  generated_at: z.string(),
  /** False while the meeting still runs (an on-demand summary of the transcript so far). */
  is_final: z.boolean(),
  language: z.enum(['en', 'zh']),
  method: z.string(),
  summary: z.string(),
  sentences: z.array(TranscriptRefSchema.extend({ text: z.string() })),
  action_items: z.array(
    TranscriptRefSchema.extend({
      kind: ActionItemKindSchema,
      text: z.string(),
      who: z.string().nullable(),
      what: z.string(),
      when: z.string().nullable(),
    }),
  ),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
