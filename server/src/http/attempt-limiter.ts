import type { FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import { AppError } from './app-error';
import { tooManyRequests } from './too-many-requests';

/** One counter an attempt is charged to, e.g. `login:alice:10.0.0.7` with its own maximum. */
export type AttemptKey = { key: string; max: number };

/** An attempt in progress: `fail()` keeps it charged, `refund()` gives it back (it succeeded, or never ran). */
export type Reservation = { fail(): void; refund(): void };

export type AttemptLedgerOptions = {
  /** Failures count for this long after the first; also the length of a key's first lockout. */
  windowMs: number;
  /** Each further lockout of a key doubles, up to this; a key with no lockout for this long starts over. */
  maxLockoutMs: number;
  now?: () => number;
};

type Entry = {
  failures: number;
  /** Attempts reserved and not yet settled: they count, so parallel attempts cannot overshoot. */
  pending: number;
  windowEndsAt: number;
  lockedUntil: number;
  lockouts: number;
};

const SWEEP_EVERY_MS = 60_000;
/** How long an attempt waits for a busy allowance, and how many may wait at once, before 429. */
const MAX_WAIT_MS = 10_000;
const MAX_WAITING = 512;

/**
 * Failed attempts (wrong passwords, passcodes, unknown meeting codes) per key,
 * in memory. An attempt is reserved BEFORE the expensive work and refunded when
 * it succeeds, so forty guesses sent at once get no further than `max` would
 * allow one after another (the others wait, then find the key locked). A key that reaches `max` is locked for one window,
 * then twice as long each time it is locked again.
 */
export class AttemptLedger {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private lastSweep: number;
  private waiting = 0;
  /** Resolved (and replaced) whenever an attempt settles, waking those waiting for room. */
  private settled = settlement();

  constructor(private readonly options: AttemptLedgerOptions) {
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /**
   * Charges one attempt to every key, or to none: then says how long to wait.
   * When a key is full only of attempts still running, this waits for one of
   * them to finish (a good one is refunded), so a burst of right answers is
   * served one after another instead of refused.
   */
  async reserve(keys: AttemptKey[]): Promise<Reservation | { retryAfterMs: number }> {
    const deadline = performance.now() + MAX_WAIT_MS;
    for (;;) {
      const outcome = this.tryReserve(keys);
      if (!('isBusy' in outcome)) return outcome;
      const waitMs = deadline - performance.now();
      if (this.waiting >= MAX_WAITING || waitMs <= 0) return { retryAfterMs: 1_000 };
      this.waiting += 1;
      try {
        await this.nextSettlement(waitMs);
      } finally {
        this.waiting -= 1;
      }
    }
  }

  private tryReserve(keys: AttemptKey[]): Reservation | { retryAfterMs: number } | { isBusy: true } {
    const now = this.now();
    this.sweep(now);
    const entries = keys.map(({ key, max }) => ({ entry: this.entry(key, now), max }));
    const lockedMs = Math.max(0, ...entries.map(({ entry }) => entry.lockedUntil - now));
    if (lockedMs > 0) return { retryAfterMs: lockedMs };
    if (entries.some(({ entry, max }) => entry.failures + entry.pending >= max)) return { isBusy: true };
    for (const { entry } of entries) entry.pending += 1;
    let isSettled = false;
    const settle = (isFailure: boolean) => {
      if (isSettled) return;
      isSettled = true;
      for (const { entry, max } of entries) {
        entry.pending -= 1;
        if (isFailure) this.recordFailure(entry, max);
      }
      const settled = this.settled;
      this.settled = settlement();
      settled.resolve();
    };
    return { fail: () => settle(true), refund: () => settle(false) };
  }

  private async nextSettlement(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([this.settled.promise, timeout]);
    clearTimeout(timer);
  }

  /** Keys with anything to remember; for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }

  private entry(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { failures: 0, pending: 0, windowEndsAt: now + this.options.windowMs, lockedUntil: 0, lockouts: 0 };
      this.entries.set(key, entry);
    }
    if (entry.windowEndsAt <= now) {
      entry.failures = 0;
      entry.windowEndsAt = now + this.options.windowMs;
    }
    if (entry.lockouts > 0 && entry.lockedUntil + this.options.maxLockoutMs <= now) entry.lockouts = 0;
    return entry;
  }

  private recordFailure(entry: Entry, max: number): void {
    const now = this.now();
    if (entry.windowEndsAt <= now) {
      entry.failures = 0;
      entry.windowEndsAt = now + this.options.windowMs;
    }
    entry.failures += 1;
    if (entry.failures < max) return;
    const lockMs = Math.min(this.options.windowMs * 2 ** entry.lockouts, this.options.maxLockoutMs);
    entry.lockouts += 1;
    entry.lockedUntil = now + lockMs;
    // After the lockout the key gets a fresh allowance; the next lockout is longer.
    entry.failures = 0;
    entry.windowEndsAt = entry.lockedUntil + this.options.windowMs;
  }

  /** Drops keys that no longer hold anything: no failures in a live window, no lock, no lockout to remember. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) {
      const isIdle = entry.pending === 0 && (entry.failures === 0 || entry.windowEndsAt <= now);
      const isForgotten = entry.lockouts === 0 || entry.lockedUntil + this.options.maxLockoutMs <= now;
      if (isIdle && entry.lockedUntil <= now && isForgotten) this.entries.delete(key);
    }
  }
}

function settlement(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The client's address as limits see it (an IPv6 client by its /64, so it cannot hop addresses within it). */
export function sourceOf(request: FastifyRequest): string {
  return normalizeIP(request.ip);
}

/**
 * Runs `work` as one attempt charged to `keys`: refused with 429 (and when to
 * retry) if any key is locked; kept as a failure when `isFailure(error)`,
 * refunded otherwise.
 */
export async function attempt<T>(
  ledger: AttemptLedger,
  keys: AttemptKey[],
  refusal: string,
  work: () => Promise<T>,
  isFailure: (error: AppError) => boolean,
): Promise<T> {
  const reservation = await ledger.reserve(keys);
  if ('retryAfterMs' in reservation) throw tooManyRequests(refusal, reservation.retryAfterMs / 1000);
  try {
    const result = await work();
    reservation.refund();
    return result;
  } catch (error) {
    if (error instanceof AppError && isFailure(error)) reservation.fail();
    else reservation.refund();
    throw error;
  }
}
