import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { voiceClips } from '../../testing/audio-fixtures';
import { FeatureSynthesisDetector } from './feature-detector';
import { fitIndicator, measureClips, rates, type MeasuredClip } from './fit-indicator';
import { INDICATOR_MODEL } from './indicator-model';
import { OnnxSpoofDetector } from './onnx-detector';
import { SpeakerSynthesisTracker } from './speaker-synthesis-tracker';
import { readWav } from '../../testing/audio-fixtures';

/**
 * The experimental synthetic-voice indicator on real clips: TTS voices of
 * espeak-ng, flite and festival against recorded people, split by voice, each
 * clip as recorded and through Opus (the live path). The committed model was
 * fitted on the `fit` half; these rates are on the `held-out` half, voices the
 * fit never heard. Thresholds are the measured figures with a margin (see the
 * analysis README), not the targets (≥ 90% / ≤ 5%), which the human
 * rate does not meet.
 */
const MIN_HELD_OUT_TPR = 0.85;
const MAX_HELD_OUT_FPR = 0.25;

let clips: MeasuredClip[];
beforeAll(async () => {
  clips = await measureClips(voiceClips());
}, 600_000);

describe('the feature indicator on held-out voices', () => {
  it('holds out whole voices: no voice is in both halves', () => {
    const fit = new Set(clips.filter((clip) => clip.split === 'fit').map((clip) => clip.voice));
    const heldOut = clips.filter((clip) => clip.split === 'held-out');
    expect(heldOut.length).toBeGreaterThan(40);
    expect(heldOut.filter((clip) => fit.has(clip.voice))).toEqual([]);
  });

  it('is the model the fit makes from the fit half (the committed weights are not hand-tuned)', () => {
    const refit = fitIndicator(clips);
    refit.weights.forEach((weight, i) => expect(weight).toBeCloseTo(INDICATOR_MODEL.weights[i]!, 3));
    expect(refit.bias).toBeCloseTo(INDICATOR_MODEL.bias, 3);
  });

  it.each(['clean', 'opus'] as const)(
    `flags at least ${MIN_HELD_OUT_TPR * 100}% of held-out synthetic clips and at most ${MAX_HELD_OUT_FPR * 100}% of held-out human ones (%s)`,
    (via) => {
      const { truePositive, falsePositive } = rates(
        INDICATOR_MODEL,
        clips.filter((clip) => clip.split === 'held-out' && clip.path === via),
      );
      expect(truePositive.rate).toBeGreaterThanOrEqual(MIN_HELD_OUT_TPR);
      expect(falsePositive.rate).toBeLessThanOrEqual(MAX_HELD_OUT_FPR);
    },
  );

  it('answers null for audio without voiced speech, and labels its method', async () => {
    const detector = new FeatureSynthesisDetector();
    expect(await detector.analyse(new Float32Array(16_000))).toBeNull();
    const clip = voiceClips().find((c) => c.kind === 'synthetic')!;
    const verdict = await detector.analyse(readWav(clip.path16k).samples);
    expect(verdict?.features).toHaveProperty('jitter');
    expect(detector.method).toMatch(/jitter/);
  });
});

describe('alerts per speaker', () => {
  it('never alerts on one flagged utterance; after several, it does; it clears when the voice stops looking synthetic', () => {
    const tracker = new SpeakerSynthesisTracker();
    const flagged = { score: 0.9, isSynthetic: true, confidence: 0.8, features: null };
    const human = { score: 0.1, isSynthetic: false, confidence: 0.8, features: null };
    expect(tracker.add(flagged).isRaised).toBe(false);
    expect(tracker.add(flagged).isRaised).toBe(false);
    expect(tracker.add(flagged).change).toBe('raised');
    expect(tracker.add(flagged).change).toBeNull();
    for (let i = 0; i < 3; i++) tracker.add(human);
    expect(tracker.add(human)).toMatchObject({ isRaised: false, utterances: 8 });
  });

  it('raises no alert for any human speaker over all their clips through Opus, and does for most TTS voices', () => {
    const bySpeaker = new Map<string, MeasuredClip[]>();
    for (const clip of clips.filter((c) => c.path === 'opus')) {
      bySpeaker.set(clip.voice, [...(bySpeaker.get(clip.voice) ?? []), clip]);
    }
    const detector = new FeatureSynthesisDetector();
    const alerted = [...bySpeaker].filter(([, speakerClips]) => {
      const tracker = new SpeakerSynthesisTracker();
      return speakerClips.some((clip) => {
        const score = detector.score(clip.features);
        return tracker.add(score).isRaised;
      });
    });
    const humans = [...bySpeaker].filter(([, c]) => c[0]!.kind === 'human').map(([voice]) => voice);
    const voices = [...bySpeaker].filter(([, c]) => c[0]!.kind === 'synthetic').map(([voice]) => voice);
    const alertedVoices = alerted.map(([voice]) => voice);
    expect(alertedVoices.filter((voice) => humans.includes(voice))).toEqual([]);
    // A speaker-level figure, reported in the README: most TTS voices alert within their six sentences.
    expect(alertedVoices.filter((voice) => voices.includes(voice)).length / voices.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('AI_SPOOF_MODEL', () => {
  it('refuses a missing file and a file that is not a model, naming the setting', async () => {
    await expect(
      OnnxSpoofDetector.load({ path: '/nonexistent/model.onnx', spoofClass: 0, threshold: 0.5 }),
    ).rejects.toThrow(/AI_SPOOF_MODEL=\/nonexistent\/model.onnx: no such file/);
    const junk = path.join(os.tmpdir(), `not-a-model-${process.pid}.onnx`);
    writeFileSync(junk, 'this is not a protobuf');
    await expect(OnnxSpoofDetector.load({ path: junk, spoofClass: 0, threshold: 0.5 })).rejects.toThrow(
      /AI_SPOOF_MODEL=.*not an ONNX model/,
    );
  });
});
