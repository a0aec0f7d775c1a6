import { createLogger } from '../lib/logger';
import type { ReconnectPolicy } from './reconnect-policy';
import { isFatalError } from './room-errors';

const log = createLogger('Reconnector');

export interface ReconnectSteps {
  /** One full connection attempt; throws when it fails. */
  attempt(): Promise<void>;
  /** Clears what a failed attempt left behind. */
  cleanUp(): void;
  isClosed(): boolean;
}

export type ReconnectOutcome = { ok: true } | { ok: false; error: unknown } | { ok: 'closed' };

/**
 * Retries a connection with the policy's backoff until one attempt works,
 * the error is one no retry can fix, the attempts run out, or the room is
 * closed (which cuts the current wait short).
 */
export class Reconnector {
  private task: Promise<ReconnectOutcome> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly policy: ReconnectPolicy,
    private readonly steps: ReconnectSteps,
  ) {}

  get isRunning(): boolean {
    return this.task !== null;
  }

  /** Joins the run in progress, if there is one. */
  run(): Promise<ReconnectOutcome> {
    this.task ??= this.loop().finally(() => {
      this.task = null;
    });
    return this.task;
  }

  /** Ends the current wait at once; the loop then sees the room closed. */
  interrupt(): void {
    this.wake?.();
  }

  private async loop(): Promise<ReconnectOutcome> {
    let lastError: unknown = new Error('Could not reconnect');
    for (let attempt = 0; attempt < this.policy.maxAttempts; attempt++) {
      await this.sleep(this.policy.delayMs(attempt));
      if (this.steps.isClosed()) return { ok: 'closed' };
      try {
        await this.steps.attempt();
        return { ok: true };
      } catch (error) {
        if (this.steps.isClosed()) return { ok: 'closed' };
        lastError = error;
        log.warn(`attempt ${attempt + 1} of ${this.policy.maxAttempts} failed`, error);
        this.steps.cleanUp();
        if (isFatalError(error)) break;
      }
    }
    return { ok: false, error: lastError };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wake = wake;
    });
  }
}
