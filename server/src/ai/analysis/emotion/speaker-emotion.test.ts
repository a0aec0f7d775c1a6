import { describe, expect, it } from 'vitest';
import type { EmotionEstimate } from '@meetai/shared';
import { SpeakerEmotionTracker } from './speaker-emotion';
import { blendArousal, VoiceArousal } from './voice-arousal';
import type { VoiceFeatures } from '../synthesis/voice-features';

const estimate = (emotion: 'joy' | 'anger' | 'neutral', share = 0.8): EmotionEstimate => {
  const rest = (1 - share) / 5;
  const emotions = {
    joy: rest,
    anger: rest,
    sadness: rest,
    fear: rest,
    surprise: rest,
    neutral: rest,
    [emotion]: share,
  };
  return { emotion, confidence: share, emotions, valence: 0, arousal: null, signals: ['words'], method: 'test' };
};

describe('SpeakerEmotionTracker', () => {
  it('follows one utterance at first, then smooths: one contrary sentence does not flip a settled speaker', () => {
    const tracker = new SpeakerEmotionTracker();
    expect(tracker.add(estimate('joy')).emotion).toBe('joy');
    tracker.add(estimate('joy'));
    tracker.add(estimate('joy'));
    expect(tracker.add(estimate('anger')).emotion).toBe('joy');
    tracker.add(estimate('anger'));
    expect(tracker.add(estimate('anger')).emotion).toBe('anger');
    expect(tracker.utterances).toBe(6);
  });
});

const voice = (f0MeanHz: number, f0StdSemitones: number, levelDb: number) =>
  ({ f0MeanHz, f0StdSemitones, levelDb }) as VoiceFeatures;

describe('VoiceArousal', () => {
  it('rates a wide, high, loud utterance as more aroused than the speaker usually is', () => {
    const arousal = new VoiceArousal();
    for (const [f0, spread, level] of [
      [120, 4, -30],
      [118, 3.5, -31],
      [122, 4.2, -29],
      [119, 3.8, -30],
    ] as const) {
      arousal.measure(voice(f0, spread, level));
    }
    expect(arousal.measure(voice(170, 8, -20))).toBeGreaterThan(0.8);
    expect(arousal.measure(voice(110, 2.5, -36))).toBeLessThan(0.2);
  });

  it('shifts weight toward the excited emotions when aroused, and says the voice was used', () => {
    const words = {
      ...estimate('neutral', 0.4),
      emotions: { joy: 0.35, anger: 0, sadness: 0.05, fear: 0.1, surprise: 0.1, neutral: 0.4 },
      language: 'en' as const,
    };
    const calm = blendArousal(words, 0.1);
    const excited = blendArousal(words, 0.95);
    expect(calm.emotion).toBe('neutral');
    expect(excited.emotion).toBe('joy');
    expect(excited.signals).toEqual(['words', 'voice']);
    expect(excited.arousal).toBe(0.95);
  });
});
