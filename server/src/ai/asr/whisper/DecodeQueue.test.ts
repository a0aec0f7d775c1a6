import { describe, expect, it } from 'vitest';
import { EngineBusyError } from '../speech-engine';
import { DecodeQueue } from './DecodeQueue';

/** A job the test finishes by hand, recording the order jobs start in. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    run: async () => {
      started.push(name);
      await opened;
      return name;
    },
    open: () => open(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DecodeQueue', () => {
  it('runs one job at a time, finals before interims', async () => {
    const queue = new DecodeQueue(8);
    const started: string[] = [];
    const first = gate(started, 'first-interim');
    const running = queue.enqueue({ priority: 'interim', utteranceId: 'a' }, first.run);
    const interim = queue.enqueue({ priority: 'interim', utteranceId: 'b' }, async () => started.push('interim-b'));
    const final = queue.enqueue({ priority: 'final', utteranceId: 'c' }, async () => started.push('final-c'));
    await tick();
    expect(started).toEqual(['first-interim']);
    expect(queue.waiting).toBe(2);
    first.open();
    await Promise.all([running, interim, final]);
    expect(started).toEqual(['first-interim', 'final-c', 'interim-b']);
  });

  it('refuses an interim while a final waits, and a second waiting interim of one utterance', async () => {
    const queue = new DecodeQueue(8);
    const started: string[] = [];
    const blocker = gate(started, 'blocker');
    const running = queue.enqueue({ priority: 'final' }, blocker.run);
    const waiting = queue.enqueue({ priority: 'interim', utteranceId: 'a' }, async () => 'a1');
    await expect(queue.enqueue({ priority: 'interim', utteranceId: 'a' }, async () => 'a2')).rejects.toBeInstanceOf(
      EngineBusyError,
    );
    const final = queue.enqueue({ priority: 'final', utteranceId: 'b' }, async () => 'b');
    await expect(queue.enqueue({ priority: 'interim', utteranceId: 'c' }, async () => 'c')).rejects.toThrow(
      /final decodes/,
    );
    blocker.open();
    await expect(Promise.all([running, waiting, final])).resolves.toEqual(['blocker', 'a1', 'b']);
  });

  it('is bounded: a final pushes out the oldest waiting interim; finals alone are refused when full', async () => {
    const queue = new DecodeQueue(2);
    const started: string[] = [];
    const blocker = gate(started, 'blocker');
    const running = queue.enqueue({ priority: 'final' }, blocker.run);
    const interimA = queue.enqueue({ priority: 'interim', utteranceId: 'a' }, async () => 'a');
    const interimB = queue.enqueue({ priority: 'interim', utteranceId: 'b' }, async () => 'b');
    await expect(queue.enqueue({ priority: 'interim', utteranceId: 'c' }, async () => 'c')).rejects.toThrow(/full/);
    const final1 = queue.enqueue({ priority: 'final' }, async () => 'f1');
    await expect(interimA).rejects.toBeInstanceOf(EngineBusyError);
    const final2 = queue.enqueue({ priority: 'final' }, async () => 'f2');
    await expect(interimB).rejects.toBeInstanceOf(EngineBusyError);
    await expect(queue.enqueue({ priority: 'final' }, async () => 'f3')).rejects.toBeInstanceOf(EngineBusyError);
    blocker.open();
    await expect(Promise.all([running, final1, final2])).resolves.toEqual(['blocker', 'f1', 'f2']);
  });

  it('takes an aborted job out of the queue without running it', async () => {
    const queue = new DecodeQueue(8);
    const started: string[] = [];
    const blocker = gate(started, 'blocker');
    const running = queue.enqueue({ priority: 'final' }, blocker.run);
    const controller = new AbortController();
    const aborted = queue.enqueue({ priority: 'final', signal: controller.signal }, async () => started.push('never'));
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    expect(queue.waiting).toBe(0);
    blocker.open();
    await running;
    await tick();
    expect(started).toEqual(['blocker']);
    await expect(queue.enqueue({ priority: 'final', signal: controller.signal }, async () => 'x')).rejects.toThrow(
      'gone',
    );
  });

  it('keeps going after a job fails, and clear() rejects what waits', async () => {
    const queue = new DecodeQueue(8);
    await expect(queue.enqueue({ priority: 'final' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(queue.enqueue({ priority: 'final' }, async () => 'next')).resolves.toBe('next');
    const started: string[] = [];
    const blocker = gate(started, 'blocker');
    const running = queue.enqueue({ priority: 'final' }, blocker.run);
    const waiting = queue.enqueue({ priority: 'interim' }, async () => 'late');
    queue.clear(new Error('closed'));
    await expect(waiting).rejects.toThrow('closed');
    blocker.open();
    await expect(running).resolves.toBe('blocker');
  });
});
