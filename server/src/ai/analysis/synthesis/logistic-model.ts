import type { VoiceFeatures } from './voice-features';

/**
 * The feature-based indicator's model: logistic regression on standardised
 * voice features (logarithms of the ratio-like ones), L2-regularised, each
 * class weighted to count equally. Small on purpose: a handful of weights a
 * person can read, fitted by `fitLogisticModel` on labelled clips (see
 * `fit-indicator.ts`), stored as JSON beside this file.
 */
export const MODEL_FEATURES = [
  'logJitter',
  'logShimmer',
  'hnrDb',
  'logFlatness',
  'logF0Std',
  'pitchStep',
  'pitchRoughness',
  'levelStep',
] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

export type LogisticModel = {
  features: readonly ModelFeature[];
  means: number[];
  scales: number[];
  weights: number[];
  bias: number;
  /** Probability at or above which an utterance is flagged. */
  threshold: number;
};

const EPSILON = 1e-4;

export function modelInputs(features: VoiceFeatures): Record<ModelFeature, number> {
  return {
    logJitter: Math.log(features.jitter + EPSILON),
    logShimmer: Math.log(features.shimmer + EPSILON),
    hnrDb: features.hnrDb,
    logFlatness: Math.log(features.spectralFlatness + EPSILON),
    logF0Std: Math.log(features.f0StdSemitones + EPSILON),
    pitchStep: features.pitchStep,
    pitchRoughness: features.pitchRoughness,
    levelStep: features.levelStep,
  };
}

/** Probability (0..1) that the voice is synthetic, by the model. */
export function predictSynthetic(model: LogisticModel, features: VoiceFeatures): number {
  const inputs = modelInputs(features);
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i]! * (inputs[name] - model.means[i]!)) / model.scales[i]!;
  });
  return 1 / (1 + Math.exp(-z));
}

export type LabelledFeatures = { features: VoiceFeatures; isSynthetic: boolean };

/** Batch gradient descent; deterministic (zero start), so the same clips give the same model. */
export function fitLogisticModel(
  samples: LabelledFeatures[],
  options: { l2?: number; iterations?: number; learningRate?: number; threshold?: number } = {},
): LogisticModel {
  const { l2 = 0.1, iterations = 4000, learningRate = 0.1, threshold = 0.5 } = options;
  const positives = samples.filter((sample) => sample.isSynthetic).length;
  const negatives = samples.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('Fitting needs synthetic and human examples');
  const rows = samples.map((sample) => MODEL_FEATURES.map((name) => modelInputs(sample.features)[name]));
  const means = MODEL_FEATURES.map((_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length);
  const scales = MODEL_FEATURES.map((_, j) => {
    const variance = rows.reduce((sum, row) => sum + (row[j]! - means[j]!) ** 2, 0) / rows.length;
    return Math.sqrt(variance) || 1;
  });
  const x = rows.map((row) => row.map((value, j) => (value - means[j]!) / scales[j]!));
  const y = samples.map((sample) => (sample.isSynthetic ? 1 : 0));
  const classWeight = samples.map((sample) => (sample.isSynthetic ? 0.5 / positives : 0.5 / negatives));
  const weights = MODEL_FEATURES.map(() => 0);
  let bias = 0;
  for (let step = 0; step < iterations; step++) {
    const gradient = weights.map((w) => l2 * w);
    let biasGradient = 0;
    x.forEach((row, i) => {
      const z = bias + row.reduce((sum, value, j) => sum + value * weights[j]!, 0);
      const error = (1 / (1 + Math.exp(-z)) - y[i]!) * classWeight[i]!;
      row.forEach((value, j) => (gradient[j]! += error * value));
      biasGradient += error;
    });
    weights.forEach((_, j) => (weights[j]! -= learningRate * gradient[j]!));
    bias -= learningRate * biasGradient;
  }
  return { features: MODEL_FEATURES, means, scales, weights, bias, threshold };
}
