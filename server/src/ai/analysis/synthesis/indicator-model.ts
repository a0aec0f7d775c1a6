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
  means: [-3.5216, -2.03078, 10.3265, -3.73054, 1.4401, 0.195089, 0.161405, 1.31162],
  scales: [0.786738, 0.493973, 3.91798, 0.864231, 0.605225, 0.112061, 0.17687, 0.325168],
  weights: [-0.163911, 1.09981, 0.434456, -0.0190725, -0.655486, -0.73467, 0.540951, 0.344843],
  bias: 0.115801,
  threshold: 0.5,
};
