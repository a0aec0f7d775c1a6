import { EMOTION_LABELS, type EmotionEstimate, type EmotionScores } from '@meetai/shared';
import type { VoiceFeatures } from '../synthesis/voice-features';
import type { TextEmotion } from './text-emotion';

/**
 * Arousal (calm 0 ↔ excited 1) from the voice, and its blend with the words.
 * Signals: pitch height, pitch spread and loudness of the utterance against
 * the same speaker's earlier utterances (people differ far more from each
 * other than from themselves); until a speaker has three, pitch spread alone
 * against a population norm. It shifts weight between the excited emotions
 * (joy, anger, fear, surprise) and the calm ones (sadness, neutral); it never
 * names an emotion by itself.
 */
const BASELINE_UTTERANCES = 3;
const BASELINE_WINDOW = 20;
/** Pitch spread of conversational speech, semitones (mean, spread): the norm before a speaker's own baseline. */
const POPULATION_F0_STD = { mean: 5, std: 2 };
const EXCITED: ReadonlySet<string> = new Set(['joy', 'anger', 'fear', 'surprise']);

type Sample = { semitones: number; spread: number; level: number };

export class VoiceArousal {
  private readonly history: Sample[] = [];

  /** This utterance's arousal; the utterance then joins the speaker's baseline. */
  measure(features: VoiceFeatures): number {
    const sample = {
      semitones: 12 * Math.log2(features.f0MeanHz / 100),
      spread: features.f0StdSemitones,
      level: features.levelDb,
    };
    let z: number;
    if (this.history.length < BASELINE_UTTERANCES) {
      z = (sample.spread - POPULATION_F0_STD.mean) / POPULATION_F0_STD.std;
    } else {
      z = (['semitones', 'spread', 'level'] as const)
        .map((key) =>
          standardScore(
            sample[key],
            this.history.map((past) => past[key]),
          ),
        )
        .reduce((sum, value) => sum + value, 0);
      z /= Math.sqrt(3);
    }
    this.history.push(sample);
    if (this.history.length > BASELINE_WINDOW) this.history.shift();
    return round(1 / (1 + Math.exp(-1.5 * z)));
  }
}

/** The words' estimate with the voice's arousal folded in. */
export function blendArousal(text: TextEmotion, arousal: number): Omit<EmotionEstimate, 'method'> {
  const shifted = Object.fromEntries(
    EMOTION_LABELS.map((label) => {
      const factor = EXCITED.has(label) ? 0.75 + 0.5 * arousal : 1.25 - 0.5 * arousal;
      return [label, text.emotions[label] * factor];
    }),
  ) as EmotionScores;
  const total = EMOTION_LABELS.reduce((sum, label) => sum + shifted[label], 0) || 1;
  const emotions = Object.fromEntries(
    EMOTION_LABELS.map((label) => [label, round(shifted[label] / total)]),
  ) as EmotionScores;
  const emotion = EMOTION_LABELS.reduce(
    (best, label) => (emotions[label] > emotions[best] ? label : best),
    text.emotion,
  );
  return {
    emotion,
    confidence: emotions[emotion],
    emotions,
    valence: text.valence,
    arousal,
    signals: ['words', 'voice'],
  };
}

function standardScore(value: number, past: number[]): number {
  const mean = past.reduce((sum, x) => sum + x, 0) / past.length;
  const std = Math.sqrt(past.reduce((sum, x) => sum + (x - mean) ** 2, 0) / past.length);
  return std < 1e-6 ? 0 : Math.max(-3, Math.min(3, (value - mean) / std));
}

const round = (value: number) => Math.round(value * 1000) / 1000;
