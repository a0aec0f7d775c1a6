import type { LogisticModel } from './logistic-model';

/**
 * Written by fit-indicator.ts (do not edit by hand): the feature indicator's
 * logistic model, fitted on 42 synthetic and 32 human clips (each as recorded and through Opus) of these voices:
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
  means: [-3.51499, -2.03015, 10.3317, -3.73826, 1.43912, 0.195022, 0.160935, 1.31355],
  scales: [0.788099, 0.495669, 3.9195, 0.864228, 0.606623, 0.11049, 0.177059, 0.32675],
  weights: [-0.204786, 1.10812, 0.446284, 0.0211924, -0.626002, -0.746256, 0.569113, 0.333547],
  bias: 0.120532,
  threshold: 0.5,
};
