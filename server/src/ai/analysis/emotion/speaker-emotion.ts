import { EMOTION_LABELS, type EmotionEstimate, type EmotionScores } from '@meetai/shared';

/**
 * A speaker's running emotion: each label's share smoothed exponentially over
 * their final utterances (the newest counts for SMOOTHING of the estimate), so
 * one sentence moves the badge but does not flip it back and forth.
 */
const SMOOTHING = 0.4;

export class SpeakerEmotionTracker {
  private shares: EmotionScores | null = null;
  private valence = 0;
  /** Smoothed like the shares: a running estimate is no surer than the utterances it comes from. */
  private sureness = 0;
  private arousal: number | null = null;
  private count = 0;

  get utterances(): number {
    return this.count;
  }

  add(estimate: EmotionEstimate): EmotionEstimate {
    const previous = this.shares;
    this.shares = previous
      ? (Object.fromEntries(
          EMOTION_LABELS.map((label) => [
            label,
            round(previous[label] * (1 - SMOOTHING) + estimate.emotions[label] * SMOOTHING),
          ]),
        ) as EmotionScores)
      : { ...estimate.emotions };
    this.sureness =
      this.count === 0 ? estimate.confidence : this.sureness * (1 - SMOOTHING) + estimate.confidence * SMOOTHING;
    this.valence = this.count === 0 ? estimate.valence : this.valence * (1 - SMOOTHING) + estimate.valence * SMOOTHING;
    if (estimate.arousal !== null) {
      this.arousal =
        this.arousal === null ? estimate.arousal : this.arousal * (1 - SMOOTHING) + estimate.arousal * SMOOTHING;
    }
    this.count++;
    const shares = this.shares;
    const emotion = EMOTION_LABELS.reduce(
      (best, label) => (shares[label] > shares[best] ? label : best),
      'neutral' as const,
    );
    return {
      emotion,
      confidence: round(Math.min(shares[emotion], this.sureness)),
      emotions: shares,
      valence: round(this.valence),
      arousal: this.arousal === null ? null : round(this.arousal),
      signals: estimate.signals,
      method: `${estimate.method}; smoothed over ${this.count} utterance${this.count === 1 ? '' : 's'}`,
    };
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
