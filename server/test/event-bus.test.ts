import { describe, expect, it } from 'vitest';
import { EventBus } from '../src/events/event-bus';

type Events = { ping: { n: number }; other: string };

describe('EventBus', () => {
  it('delivers payloads to every listener of an event, and only that event', () => {
    const bus = new EventBus<Events>(() => undefined);
    const seen: string[] = [];
    bus.on('ping', ({ n }) => void seen.push(`a${n}`));
    bus.on('ping', ({ n }) => void seen.push(`b${n}`));
    bus.on('other', (text) => void seen.push(text));
    bus.publish('ping', { n: 1 });
    expect(seen).toEqual(['a1', 'b1']);
  });

  it('unsubscribes with the function on() returned', () => {
    const bus = new EventBus<Events>(() => undefined);
    const seen: number[] = [];
    const off = bus.on('ping', ({ n }) => void seen.push(n));
    bus.publish('ping', { n: 1 });
    off();
    bus.publish('ping', { n: 2 });
    expect(seen).toEqual([1]);
    expect(bus.listenerCount('ping')).toBe(0);
  });

  it('a listener that throws or rejects is reported and does not stop the others', async () => {
    const reported: string[] = [];
    const bus = new EventBus<Events>((event, error) => void reported.push(`${event}: ${(error as Error).message}`));
    const seen: number[] = [];
    bus.on('ping', () => {
      throw new Error('sync boom');
    });
    bus.on('ping', async () => {
      throw new Error('async boom');
    });
    bus.on('ping', ({ n }) => void seen.push(n));
    expect(() => bus.publish('ping', { n: 7 })).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([7]);
    expect(reported.sort()).toEqual(['ping: async boom', 'ping: sync boom']);
  });
});
