export type Listener<T> = (payload: T) => void | Promise<void>;

export type ListenerErrorReporter = (event: string, error: unknown) => void;

/**
 * A small in-process, typed publish/subscribe bus. Publishing never waits for
 * listeners and never fails because of them: a listener that throws or rejects
 * is reported and the others still run. A split deployment can put Redis
 * behind the same interface.
 */
export class EventBus<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly reportError: ListenerErrorReporter) {}

  /** Subscribes; returns the function that unsubscribes. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  publish<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        const result = (listener as Listener<Events[E]>)(payload);
        if (result instanceof Promise) result.catch((error: unknown) => this.reportError(String(event), error));
      } catch (error) {
        this.reportError(String(event), error);
      }
    }
  }

  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
