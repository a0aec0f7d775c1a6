import type { MediaTransport, TransportConnectionState } from './media/media-device';

/** A transport often recovers from `disconnected` by itself (a Wi-Fi blip); give it this long first. */
const DISCONNECTED_GRACE_MS = 2000;

/**
 * Decides when a transport needs an ICE restart: at once when it failed,
 * after a short grace when it disconnected, never twice at the same time.
 */
export class TransportWatcher {
  private readonly timers = new Map<MediaTransport, ReturnType<typeof setTimeout>>();
  private readonly restarting = new Set<MediaTransport>();

  constructor(private readonly restartIce: (transport: MediaTransport) => Promise<void>) {}

  onStateChange(transport: MediaTransport, state: TransportConnectionState): void {
    this.cancelTimer(transport);
    if (state === 'failed') {
      void this.restart(transport);
    } else if (state === 'disconnected') {
      this.timers.set(
        transport,
        setTimeout(() => {
          this.timers.delete(transport);
          if (transport.connectionState === 'disconnected') void this.restart(transport);
        }, DISCONNECTED_GRACE_MS),
      );
    }
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.restarting.clear();
  }

  private async restart(transport: MediaTransport): Promise<void> {
    if (this.restarting.has(transport) || transport.closed) return;
    this.restarting.add(transport);
    try {
      await this.restartIce(transport);
    } finally {
      this.restarting.delete(transport);
    }
  }

  private cancelTimer(transport: MediaTransport): void {
    const timer = this.timers.get(transport);
    if (timer) clearTimeout(timer);
    this.timers.delete(transport);
  }
}
