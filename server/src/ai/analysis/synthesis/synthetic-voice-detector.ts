import { SYNTHESIS_INDICATOR_LABEL } from '@meetai/shared';

/**
 * The seam of the experimental synthetic-voice indicator: one utterance's
 * 16 kHz mono audio in, a score out. The default is feature-based (voice
 * measurements and a small fitted model, `feature-detector.ts`); a trained
 * anti-spoofing network in ONNX form can take its place through
 * `AI_SPOOF_MODEL` (`onnx-detector.ts`). Neither is a verdict: every output
 * carries the label and the method.
 */
export type SynthesisVerdict = {
  /** 0..1: how synthetic the utterance looks. */
  score: number;
  isSynthetic: boolean;
  /** 0..1: distance of the score from the threshold, scaled; not a calibrated probability. */
  confidence: number;
  /** The measurements behind the score, when the detector has readable ones. */
  features: Record<string, number> | null;
};

export interface SyntheticVoiceDetector {
  /** A sentence naming what the score is based on, shown with every result. */
  readonly method: string;
  /** Null when the audio holds too little voiced speech to judge. */
  analyse(pcm: Float32Array): Promise<SynthesisVerdict | null>;
  close(): Promise<void>;
}

export const INDICATOR_LABEL = SYNTHESIS_INDICATOR_LABEL;

/** Confidence from a score and its threshold: 0 at the threshold, 1 at either end. */
export function confidenceOf(score: number, threshold: number): number {
  const span = score >= threshold ? 1 - threshold : threshold;
  return span <= 0 ? 1 : Math.min(1, Math.abs(score - threshold) / span);
}
