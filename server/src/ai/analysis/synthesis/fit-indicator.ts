import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWav, voiceClips, type VoiceClip } from '../../testing/audio-fixtures';
import { throughOpus } from '../../testing/opus-round-trip';
import { fitLogisticModel, predictSynthetic, type LogisticModel } from './logistic-model';
import { extractVoiceFeatures, type VoiceFeatures } from './voice-features';

/**
 * Fits the feature indicator's model on the `fit` half of the voice fixtures
 * (made by scripts/make-audio-fixtures.sh) and writes `indicator-model.ts`;
 * prints the rates on both halves. Each clip counts twice: as recorded, and
 * through Opus and the tap's decoder (what the live path hears: Opus smooths
 * a voice's cycle-to-cycle detail, and a model fitted on clean audio alone
 * took recorded people through Opus for synthetic). Deterministic: the same
 * clips give the same model.
 * Run: `npx tsx server/src/ai/analysis/synthesis/fit-indicator.ts`.
 */
export type MeasuredClip = VoiceClip & { path: 'clean' | 'opus'; features: VoiceFeatures };

export async function measureClips(clips: VoiceClip[], paths: Array<'clean' | 'opus'> = ['clean', 'opus']) {
  const measured: MeasuredClip[] = [];
  for (const clip of clips) {
    for (const path of paths) {
      const audio = path === 'clean' ? readWav(clip.path16k).samples : await throughOpus(readWav(clip.path48k).samples);
      const features = extractVoiceFeatures(audio);
      if (features) measured.push({ ...clip, path, features });
    }
  }
  return measured;
}

export function fitIndicator(clips: MeasuredClip[]): LogisticModel {
  const fit = clips.filter((clip) => clip.split === 'fit');
  return fitLogisticModel(
    fit.map((clip) => ({ features: clip.features, isSynthetic: clip.kind === 'synthetic' })),
    { learningRate: 1, iterations: 3000, l2: 0.05, threshold: 0.5 },
  );
}

/** Flagged shares of synthetic (true positive rate) and human (false positive rate) clips. */
export function rates(model: LogisticModel, clips: MeasuredClip[]) {
  const flagged = (kind: 'human' | 'synthetic') => {
    const set = clips.filter((clip) => clip.kind === kind);
    const hits = set.filter((clip) => predictSynthetic(model, clip.features) >= model.threshold).length;
    return { hits, total: set.length, rate: set.length ? hits / set.length : 0 };
  };
  return { truePositive: flagged('synthetic'), falsePositive: flagged('human') };
}

function render(model: LogisticModel, clips: MeasuredClip[]): string {
  const fit = clips.filter((clip) => clip.split === 'fit' && clip.path === 'clean');
  const voices = [...new Set(fit.map((clip) => clip.voice))].sort();
  const numbers = (values: number[]) => `[${values.map((value) => Number(value.toPrecision(6))).join(', ')}]`;
  return `import type { LogisticModel } from './logistic-model';

/**
 * Written by fit-indicator.ts (do not edit by hand): the feature indicator's
 * logistic model, fitted on ${fit.filter((c) => c.kind === 'synthetic').length} synthetic and ${fit.filter((c) => c.kind === 'human').length} human clips (each as recorded and through Opus) of these voices:
${voices.map((voice) => ` *   ${voice}`).join('\n')}
 */
export const INDICATOR_MODEL: LogisticModel = {
  features: ${JSON.stringify(model.features).replaceAll('"', "'").replaceAll(',', ', ')},
  means: ${numbers(model.means)},
  scales: ${numbers(model.scales)},
  weights: ${numbers(model.weights)},
  bias: ${Number(model.bias.toPrecision(6))},
  threshold: ${model.threshold},
};
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const clips = await measureClips(voiceClips());
  const model = fitIndicator(clips);
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'indicator-model.ts');
  writeFileSync(out, render(model, clips));
  for (const split of ['fit', 'held-out'] as const) {
    for (const via of ['clean', 'opus'] as const) {
      const { truePositive: tp, falsePositive: fp } = rates(
        model,
        clips.filter((clip) => clip.split === split && clip.path === via),
      );
      console.log(`${split} (${via}): synthetic flagged ${tp.hits}/${tp.total}, human flagged ${fp.hits}/${fp.total}`);
    }
  }
  console.log(`wrote ${out}`);
}
