import type { LocalSource } from './room-store';

type Listener = () => void;

/**
 * Live tracks, kept out of the store (they are not serializable). Remote
 * tracks are keyed by consumer id, local ones by source; React reads them
 * through useSyncExternalStore with `subscribe` and `getRemote`/`getLocal`.
 */
export class TrackRegistry {
  private readonly remote = new Map<string, MediaStreamTrack>();
  private readonly local = new Map<LocalSource, MediaStreamTrack>();
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRemote(consumerId: string): MediaStreamTrack | null {
    return this.remote.get(consumerId) ?? null;
  }

  getLocal(source: LocalSource): MediaStreamTrack | null {
    return this.local.get(source) ?? null;
  }

  setRemote(consumerId: string, track: MediaStreamTrack): void {
    this.remote.set(consumerId, track);
    this.emit();
  }

  deleteRemote(consumerId: string): void {
    if (this.remote.delete(consumerId)) this.emit();
  }

  clearRemote(): void {
    if (!this.remote.size) return;
    this.remote.clear();
    this.emit();
  }

  setLocal(source: LocalSource, track: MediaStreamTrack | null): void {
    if (track) this.local.set(source, track);
    else this.local.delete(source);
    this.emit();
  }

  localEntries(): [LocalSource, MediaStreamTrack][] {
    return [...this.local.entries()];
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
