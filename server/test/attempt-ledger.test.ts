import { describe, expect, it } from 'vitest';
import { AttemptLedger, type Reservation } from '../src/http/attempt-limiter';

const MINUTE = 60_000;

function ledger(options: { windowMs?: number; maxLockoutMs?: number } = {}) {
  let clock = 1_000_000;
  const attempts = new AttemptLedger({
    windowMs: options.windowMs ?? 10 * MINUTE,
    maxLockoutMs: options.maxLockoutMs ?? 60 * MINUTE,
    now: () => clock,
  });
  return {
    attempts,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

type Outcome = Awaited<ReturnType<AttemptLedger['reserve']>>;

async function reserved(pending: Promise<Outcome>): Promise<Reservation> {
  const result = await pending;
  if ('retryAfterMs' in result) throw new Error(`refused for ${result.retryAfterMs} ms`);
  return result;
}

async function refusal(pending: Promise<Outcome>): Promise<number> {
  const result = await pending;
  if (!('retryAfterMs' in result)) throw new Error('reserved, expected a refusal');
  return result.retryAfterMs;
}

/** True when the promise is still pending after the event loop had a chance to settle it. */
async function isWaiting(pending: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('waiting');
  return (await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve(marker), 20))])) === marker;
}

const key = (max = 3) => [{ key: 'k', max }];

/** Fails `max` attempts in a row, which locks the key. */
async function lockOut(attempts: AttemptLedger, max = 3): Promise<void> {
  for (let i = 0; i < max; i += 1) (await reserved(attempts.reserve(key(max)))).fail();
}

describe('AttemptLedger', () => {
  it('lets no more attempts run than allowed: the next waits, and gets in when one is refunded', async () => {
    const { attempts } = ledger();
    const running = await Promise.all([0, 1, 2].map(() => reserved(attempts.reserve(key()))));
    const next = attempts.reserve(key());
    expect(await isWaiting(next)).toBe(true);
    running[0]?.refund();
    await reserved(next);
  });

  it('an attempt waiting for room finds the key locked when the running ones all fail', async () => {
    const { attempts } = ledger();
    const running = await Promise.all([0, 1, 2].map(() => reserved(attempts.reserve(key()))));
    const waiting = [0, 1, 2, 3].map(() => attempts.reserve(key()));
    for (const reservation of running) reservation.fail();
    for (const pending of waiting) expect(await refusal(pending)).toBe(10 * MINUTE);
  });

  it('settles a reservation once: a second fail or refund changes nothing', async () => {
    const { attempts } = ledger();
    const first = await reserved(attempts.reserve(key()));
    first.fail();
    first.fail();
    first.refund();
    (await reserved(attempts.reserve(key()))).fail();
    // Two failures so far: one more is allowed, and a refunded one leaves room for it.
    (await reserved(attempts.reserve(key()))).refund();
    (await reserved(attempts.reserve(key()))).fail();
    expect(await refusal(attempts.reserve(key()))).toBe(10 * MINUTE);
  });

  it('locks a key for one window at its limit, then twice as long each further time, up to the maximum', async () => {
    const { attempts, advance } = ledger({ windowMs: 10 * MINUTE, maxLockoutMs: 35 * MINUTE });
    const lockouts: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      await lockOut(attempts);
      const wait = await refusal(attempts.reserve(key()));
      lockouts.push(wait);
      advance(wait - 1);
      expect(await refusal(attempts.reserve(key()))).toBe(1);
      advance(1);
    }
    expect(lockouts).toEqual([10 * MINUTE, 20 * MINUTE, 35 * MINUTE, 35 * MINUTE]);
    // After a lockout the key has its whole allowance again.
    for (let i = 0; i < 2; i += 1) (await reserved(attempts.reserve(key()))).fail();
    (await reserved(attempts.reserve(key()))).refund();
  });

  it('forgets earlier lockouts after a quiet maximum-lockout period', async () => {
    const { attempts, advance } = ledger({ windowMs: 10 * MINUTE, maxLockoutMs: 60 * MINUTE });
    await lockOut(attempts);
    advance(10 * MINUTE + 60 * MINUTE);
    await lockOut(attempts);
    expect(await refusal(attempts.reserve(key()))).toBe(10 * MINUTE);
  });

  it('failures older than the window no longer count', async () => {
    const { attempts, advance } = ledger({ windowMs: 10 * MINUTE });
    for (let i = 0; i < 2; i += 1) (await reserved(attempts.reserve(key()))).fail();
    advance(10 * MINUTE);
    for (let i = 0; i < 2; i += 1) (await reserved(attempts.reserve(key()))).fail();
    (await reserved(attempts.reserve(key()))).fail();
    expect(await refusal(attempts.reserve(key()))).toBe(10 * MINUTE);
  });

  it('charges every key of an attempt or none', async () => {
    const { attempts } = ledger();
    const wide = [{ key: 'wide', max: 5 }];
    const both = [{ key: 'narrow', max: 1 }, ...wide];
    (await reserved(attempts.reserve(both))).fail();
    expect(await refusal(attempts.reserve(both))).toBe(10 * MINUTE);
    // The refused attempt charged nothing to the wide key: four more fit.
    for (let i = 0; i < 4; i += 1) (await reserved(attempts.reserve(wide))).fail();
    expect(await refusal(attempts.reserve(wide))).toBe(10 * MINUTE);
  });

  it('drops keys that hold nothing any more', async () => {
    const { attempts, advance } = ledger({ windowMs: 10 * MINUTE, maxLockoutMs: 60 * MINUTE });
    (await reserved(attempts.reserve([{ key: 'a', max: 3 }]))).refund();
    (await reserved(attempts.reserve([{ key: 'b', max: 3 }]))).fail();
    await lockOut(attempts);
    expect(attempts.size).toBe(3);
    advance(11 * MINUTE);
    (await reserved(attempts.reserve([{ key: 'c', max: 3 }]))).refund();
    // `a` and `b` are idle; `k` still remembers its lockout (for the next one to be longer).
    expect(attempts.size).toBe(2);
    advance(61 * MINUTE);
    (await reserved(attempts.reserve([{ key: 'd', max: 3 }]))).refund();
    expect(attempts.size).toBe(1);
  });
});
