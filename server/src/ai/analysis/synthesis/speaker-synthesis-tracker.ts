import type { SynthesisVerdict } from './synthetic-voice-detector';

/**
 * One speaker's running synthetic-voice state. The alert is raised only when
 * at least `minFlagged` of the last `window` judged utterances were flagged
 * and their mean score reaches `raiseAt`, never on one utterance; it clears
 * when the mean falls below `clearAt` (hysteresis, so it does not flicker).
 * Utterances too short to judge do not count.
 */
export type SynthesisAlertRule = { window: number; minFlagged: number; raiseAt: number; clearAt: number };

export const DEFAULT_ALERT_RULE: SynthesisAlertRule = { window: 5, minFlagged: 3, raiseAt: 0.6, clearAt: 0.4 };

export type TrackerState = {
  score: number;
  flagged: number;
  utterances: number;
  isRaised: boolean;
  /** Set on the utterance that raised or cleared the alert. */
  change: 'raised' | 'cleared' | null;
};

export class SpeakerSynthesisTracker {
  private readonly recent: SynthesisVerdict[] = [];
  private isRaised = false;
  private judged = 0;

  constructor(private readonly rule: SynthesisAlertRule = DEFAULT_ALERT_RULE) {
    if (rule.minFlagged < 2) throw new Error('An alert needs at least two flagged utterances');
  }

  add(verdict: SynthesisVerdict): TrackerState {
    this.judged++;
    this.recent.push(verdict);
    if (this.recent.length > this.rule.window) this.recent.shift();
    const score = this.recent.reduce((sum, v) => sum + v.score, 0) / this.recent.length;
    const flagged = this.recent.filter((v) => v.isSynthetic).length;
    let change: TrackerState['change'] = null;
    if (!this.isRaised && flagged >= this.rule.minFlagged && score >= this.rule.raiseAt) {
      this.isRaised = true;
      change = 'raised';
    } else if (this.isRaised && score < this.rule.clearAt) {
      this.isRaised = false;
      change = 'cleared';
    }
    return {
      score: Math.round(score * 1000) / 1000,
      flagged,
      utterances: this.judged,
      isRaised: this.isRaised,
      change,
    };
  }
}
