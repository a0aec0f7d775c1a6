import { z } from 'zod';

/**
 * Emotion as the AI module estimates it, per utterance (carried on final
 * captions and stored with transcript lines) and per speaker (smoothed). Its
 * own file because captions import it: no schema here depends on another
 * contract file.
 */

const Share = z.number().min(0).max(1);

export const EmotionLabelSchema = z.enum(['joy', 'anger', 'sadness', 'fear', 'surprise', 'neutral']);
export type EmotionLabel = z.infer<typeof EmotionLabelSchema>;
export const EMOTION_LABELS = EmotionLabelSchema.options;

/** Which evidence an estimate used: the words (a lexicon), the voice (pitch and energy, for arousal). */
export const EmotionSignalSchema = z.enum(['words', 'voice']);
export type EmotionSignal = z.infer<typeof EmotionSignalSchema>;

/** A share per label, summing to about 1. */
export const EmotionScoresSchema = z.object({
  joy: Share,
  anger: Share,
  sadness: Share,
  fear: Share,
  surprise: Share,
  neutral: Share,
});
export type EmotionScores = z.infer<typeof EmotionScoresSchema>;

export const EmotionEstimateSchema = z.object({
  emotion: EmotionLabelSchema,
  confidence: Share,
  emotions: EmotionScoresSchema,
  /** Negative to positive, from the lexicon. */
  valence: z.number().min(-1).max(1),
  /** Calm (0) to excited (1), from the voice; null when the voice was not used. */
  arousal: z.number().min(0).max(1).nullable(),
  signals: z.array(EmotionSignalSchema).min(1),
  /** A short description of how it was made, e.g. "VADER lexicon + keyword map (en)". */
  method: z.string().min(1).max(500),
});
export type EmotionEstimate = z.infer<typeof EmotionEstimateSchema>;

/** A transcript line's emotion as stored with it. */
export const LineEmotionSchema = z.object({
  emotion: EmotionLabelSchema,
  confidence: Share,
  method: z.string(),
});
export type LineEmotion = z.infer<typeof LineEmotionSchema>;
