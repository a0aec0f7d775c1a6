import { INDICATOR_MODEL } from './indicator-model';
import { predictSynthetic, type LogisticModel } from './logistic-model';
import { confidenceOf, type SynthesisVerdict, type SyntheticVoiceDetector } from './synthetic-voice-detector';
import { extractVoiceFeatures, type VoiceFeatures } from './voice-features';

/**
 * The default indicator: voice measurements (`voice-features.ts`) and the
 * logistic model fitted on the fit half of the voice fixtures
 * (`fit-indicator.ts` wrote `indicator-model.ts`). It separates rule-based
 * and concatenative TTS (espeak-ng, flite, festival) from recorded people; it
 * has never seen a neural voice clone and should not be expected to catch one.
 */
export class FeatureSynthesisDetector implements SyntheticVoiceDetector {
  readonly method =
    'voice features (jitter, shimmer, harmonics-to-noise, spectral flatness, pitch-contour movement, level steps) and a logistic model fitted on espeak-ng/flite/festival and recorded voices';

  constructor(private readonly model: LogisticModel = INDICATOR_MODEL) {}

  async analyse(pcm: Float32Array): Promise<SynthesisVerdict | null> {
    const features = extractVoiceFeatures(pcm);
    return features ? this.score(features) : null;
  }

  /** The verdict on measurements already made (the emotion's arousal uses the same ones). */
  score(features: VoiceFeatures): SynthesisVerdict {
    const score = predictSynthetic(this.model, features);
    return {
      score: round(score),
      isSynthetic: score >= this.model.threshold,
      confidence: round(confidenceOf(score, this.model.threshold)),
      features: Object.fromEntries(Object.entries(features).map(([name, value]) => [name, round(value)])),
    };
  }

  async close(): Promise<void> {}
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
