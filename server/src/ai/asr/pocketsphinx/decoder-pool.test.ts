import { describe, expect, it, vi } from 'vitest';
import { EngineUnavailableError } from '../speech-engine';
import type { Decoder } from './Decoder';
import { DecoderPool } from './decoder-pool';

/** The pool only lends decoders out and disposes them: stand-ins with a name are enough to check its choices. */
function decoders(...names: string[]): Decoder[] {
  return names.map((name) => ({ name, dispose: vi.fn(async () => undefined) }) as unknown as Decoder);
}
const nameOf = (decoder: Decoder | null) => (decoder as unknown as { name: string } | null)?.name ?? null;

describe('DecoderPool', () => {
  it('gives a speaker back the decoder that last decoded them, even when another has been idle longer', async () => {
    const pool = new DecoderPool(decoders('a', 'b'));
    const forAlice = await pool.acquire({ speaker: 'alice' });
    const forBob = await pool.acquire({ speaker: 'bob' });
    pool.release(forAlice);
    pool.release(forBob);
    expect(nameOf(pool.tryAcquire('bob'))).toBe(nameOf(forBob));
    expect(nameOf(pool.tryAcquire('alice'))).toBe(nameOf(forAlice));
  });

  it('otherwise lends the decoder idle the longest, and remembers who had it', async () => {
    const pool = new DecoderPool(decoders('a', 'b'));
    const first = pool.tryAcquire('alice')!;
    const second = pool.tryAcquire('bob')!;
    pool.release(second);
    pool.release(first);
    // Carol is new: she gets Bob's (released first), so Alice keeps hers.
    expect(nameOf(pool.tryAcquire('carol'))).toBe(nameOf(second));
    expect(nameOf(pool.tryAcquire('alice'))).toBe(nameOf(first));
  });

  it('queues callers in arrival order when all are busy, and drops a waiter whose signal aborts', async () => {
    const pool = new DecoderPool(decoders('a'));
    const only = pool.tryAcquire()!;
    expect(pool.tryAcquire()).toBeNull();
    const cancel = new AbortController();
    const cancelled = pool.acquire({ speaker: 'x', signal: cancel.signal });
    const next = pool.acquire({ speaker: 'y' });
    cancel.abort(new Error('gone'));
    await expect(cancelled).rejects.toThrow('gone');
    pool.release(only);
    expect(await next).toBe(only);
    pool.release(only);
    expect(pool.tryAcquire('y')).toBe(only);
  });

  it('fails waiters and disposes every decoder on close', async () => {
    const all = decoders('a', 'b');
    const pool = new DecoderPool(all);
    pool.tryAcquire();
    pool.tryAcquire();
    const waiting = pool.acquire();
    await pool.close();
    await expect(waiting).rejects.toBeInstanceOf(EngineUnavailableError);
    for (const decoder of all) expect(decoder.dispose).toHaveBeenCalledOnce();
    expect(() => pool.tryAcquire()).toThrow(EngineUnavailableError);
  });
});
