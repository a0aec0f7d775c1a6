import type { LogisticModel } from './logistic-model';

/**
 * Written by fit-indicator.ts (do not edit by hand): the feature indicator's
 * logistic model, fitted on 42 synthetic and 32 human clips of these voices:
 *   LibriVox reader (pocketsphinx-testdata)
 *   alsa-utils channel names
 *   cards speaker (pocketsphinx-testdata)
 *   codec2 all.wav (several speakers, 8 kHz)
 *   codec2 hts1a (8 kHz)
 *   codec2 morig (8 kHz)
 *   espeak-ng en+croak
 *   espeak-ng en-us
 *   espeak-ng en-us+f2
 *   espeak-ng en-us+klatt
 *   festival cmu_us_slt_arctic_hts
 *   flite kal16
 *   flite slt
 */
export const INDICATOR_MODEL: LogisticModel = {
  features: ['logJitter', 'logShimmer', 'hnrDb', 'logFlatness', 'logF0Std', 'pitchStep', 'pitchRoughness', 'levelStep'],
  means: [-3.44887, -2.0431, 10.2381, -3.62513, 1.58665, 0.197608, 0.164514, 1.29951],
  scales: [0.756189, 0.484564, 3.91557, 0.907767, 0.613181, 0.114699, 0.183576, 0.320141],
  weights: [-0.33328, 1.18718, 0.205226, 0.140475, -1.05463, -0.666188, 0.55675, 0.281584],
  bias: 0.164122,
  threshold: 0.5,
};
