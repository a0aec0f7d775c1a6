export interface ReconnectPolicy {
  maxAttempts: number;
  /** Wait before attempt `attempt` (0-based). */
  delayMs(attempt: number): number;
}

export interface BackoffOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  /** 0..1; spreads clients out so a restarted server is not hit by everyone at the same instant. */
  jitter?: number;
  random?: () => number;
}

/**
 * Exponential backoff. The defaults try for about a minute (0.5 s, 1 s, 2 s,
 * ... capped at 10 s), longer than the server's 30 s resume grace period, so a
 * short outage resumes the same peer and a long one still gets a fresh join.
 */
export function exponentialBackoff(options: BackoffOptions = {}): ReconnectPolicy {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 10_000;
  const jitter = options.jitter ?? 0.2;
  const random = options.random ?? Math.random;
  return {
    maxAttempts: options.maxAttempts ?? 10,
    delayMs(attempt) {
      const base = Math.min(max, initial * 2 ** attempt);
      return Math.round(base * (1 - jitter + 2 * jitter * random()));
    },
  };
}
