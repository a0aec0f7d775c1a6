import type { ConsumerView } from './room-store';

/** The two places a remote video shows: a person's tile (webcam) and the shared-screen stage. */
export type TileSource = 'webcam' | 'screen';

/** What the visibility tracker needs from the RoomClient of the current connection. */
export interface VideoVisibilityHost {
  consumers(): Record<string, ConsumerView>;
  /** Records the flag in the store, next to the producer's own `isProducerPaused`. */
  setPausedByUs(consumerId: string, isPaused: boolean): void;
  /** Sends `pauseConsumer` or `resumeConsumer`; false when the server did not do it. */
  request(method: 'pauseConsumer' | 'resumeConsumer', consumerId: string): Promise<boolean>;
}

const keyOf = (peerId: string, source: string) => `${source}:${peerId}`;

/**
 * Keeps the SFU from sending video nobody sees: a video consumer whose tile is
 * reported off screen (scrolled out of the filmstrip, or on another page of the
 * grid, which reports the peers it does not mount) is paused with
 * `pauseConsumer`, and resumed when that report is lifted. Audio is never
 * paused. Only the server side is paused: pausing the local consumer too would
 * renegotiate the receive transport every time a tile scrolls by.
 *
 * A video nobody has reported on is wanted. On join (and on a new screen share)
 * the server offers the consumer before React has mounted its tile; holding it
 * until the tile says so would cost a round trip and a keyframe before the first
 * frame, so only an explicit "hidden" keeps it paused.
 *
 * Our pause and the producer's pause are separate flags, as they are in the
 * SFU (it forwards only when neither is set), so a camera turned back on never
 * resumes a consumer we hold paused, and our resume never claims the camera is on.
 */
export class VideoVisibility {
  /**
   * Videos reported hidden, by source and peer. Shown and never reported mean the
   * same (wanted), so this one set is the whole state. Kept across reconnects,
   * since the tiles and the grid stay mounted.
   */
  private readonly hidden = new Set<string>();
  /** Consumers the server holds paused because we asked (or never asked it to resume). */
  private readonly pausedByUs = new Set<string>();
  /** The last request sent per consumer, so an older answer never undoes a newer change. */
  private readonly lastRequest = new Map<string, number>();
  private requestCount = 0;
  private isReconcileQueued = false;

  constructor(private readonly host: VideoVisibilityHost) {}

  /**
   * A tile reports whether it is on screen, or the grid reports a peer on another
   * page as hidden. Applied a microtask later, so a tile that moves (grid to
   * speaker view, a new page) and reports twice in the same commit costs no request.
   */
  setTileVisible(peerId: string, source: TileSource, isVisible: boolean): void {
    this.setHidden(keyOf(peerId, source), !isVisible);
  }

  /** The tile (or the grid's report) is gone: the video counts as never reported, so it is wanted. */
  forgetTile(peerId: string, source: TileSource): void {
    this.setHidden(keyOf(peerId, source), false);
  }

  isWanted(consumer: Pick<ConsumerView, 'kind' | 'peerId' | 'source'>): boolean {
    return consumer.kind === 'audio' || !this.hidden.has(keyOf(consumer.peerId, consumer.source));
  }

  /**
   * A consumer just added to the store (with `isPausedByUs` from `isWanted`).
   * The SFU created it paused: true means the caller resumes it (the usual
   * handshake); false means its tile is reported hidden, so it stays paused, by
   * us, until that report is lifted.
   */
  admit(consumer: ConsumerView): boolean {
    if (!consumer.isPausedByUs) return true;
    this.pausedByUs.add(consumer.consumerId);
    return false;
  }

  forget(consumerId: string): void {
    this.pausedByUs.delete(consumerId);
    this.lastRequest.delete(consumerId);
  }

  /** The connection is gone, and its consumers with it. */
  reset(): void {
    this.pausedByUs.clear();
    this.lastRequest.clear();
  }

  private setHidden(key: string, isHidden: boolean): void {
    if (this.hidden.has(key) === isHidden) return;
    if (isHidden) this.hidden.add(key);
    else this.hidden.delete(key);
    if (this.isReconcileQueued) return;
    this.isReconcileQueued = true;
    queueMicrotask(() => {
      this.isReconcileQueued = false;
      this.reconcile();
    });
  }

  private reconcile(): void {
    for (const consumer of Object.values(this.host.consumers())) {
      if (consumer.kind !== 'video') continue;
      const shouldPause = !this.isWanted(consumer);
      if (shouldPause !== this.pausedByUs.has(consumer.consumerId)) void this.apply(consumer.consumerId, shouldPause);
    }
  }

  private async apply(consumerId: string, isPaused: boolean): Promise<void> {
    this.mark(consumerId, isPaused);
    const request = ++this.requestCount;
    this.lastRequest.set(consumerId, request);
    const isDone = await this.host.request(isPaused ? 'pauseConsumer' : 'resumeConsumer', consumerId);
    // Refused: the server kept the previous state, and so do we, so the next change tries again.
    if (!isDone && this.lastRequest.get(consumerId) === request) this.mark(consumerId, !isPaused);
  }

  private mark(consumerId: string, isPaused: boolean): void {
    if (isPaused) this.pausedByUs.add(consumerId);
    else this.pausedByUs.delete(consumerId);
    this.host.setPausedByUs(consumerId, isPaused);
  }
}
