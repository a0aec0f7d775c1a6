import { EventEmitter } from 'node:events';
import * as mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import type { FastifyBaseLogger } from 'fastify';
import { MediaRequestError } from './media-error';
import type { MediaSettings } from './media-settings';

type WorkerPoolEvents = {
  /** A worker process exited unexpectedly; its routers are already closed. */
  workerDied: [worker: ms.Worker, error: Error];
  /** A worker joined the pool (at start or as a replacement). */
  workerAdded: [worker: ms.Worker];
};

const RESPAWN_FIRST_DELAY_MS = 1_000;
const RESPAWN_MAX_DELAY_MS = 30_000;
const ACQUIRE_TIMEOUT_MS = 10_000;

/**
 * The mediasoup worker processes (one per core by default). Routers go to the
 * worker hosting the fewest routers; a worker that dies is replaced. Rooms
 * notice the loss themselves (their router closes) and ask `acquire()` for a
 * live worker to start again on.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  private readonly workers: ms.Worker[] = [];
  private readonly routerCounts = new Map<ms.Worker, number>();
  private isClosed = false;
  private nextTieBreak = 0;
  private deathCount = 0;
  private lastFailure: string | undefined;

  constructor(
    private readonly settings: Pick<MediaSettings, 'workers' | 'rtcMinPort' | 'rtcMaxPort' | 'logLevel'>,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
  }

  /**
   * Starts the workers. One that cannot start (binary missing, no memory) is
   * retried in the background rather than failing the server: REST keeps
   * working, `/health` says what is wrong, and meetings wait in `acquire()`.
   */
  async start(): Promise<void> {
    const results = await Promise.allSettled(Array.from({ length: this.settings.workers }, () => this.spawn()));
    for (const result of results) {
      if (result.status === 'fulfilled') {
        this.add(result.value);
        continue;
      }
      this.recordFailure(result.reason);
      this.log.error({ err: result.reason }, 'a mediasoup worker could not start; retrying in the background');
      setTimeout(() => void this.respawn(RESPAWN_FIRST_DELAY_MS), RESPAWN_FIRST_DELAY_MS).unref();
    }
    this.log.info({ workers: this.pids }, 'mediasoup workers started');
  }

  /** Why the last worker failed to start, for the health check. */
  get lastError(): string | undefined {
    return this.lastFailure;
  }

  get size(): number {
    return this.workers.length;
  }

  get expectedSize(): number {
    return this.settings.workers;
  }

  get deaths(): number {
    return this.deathCount;
  }

  get pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  /** Each live worker's rusage (CPU times in ms, peak RSS in KiB), for the metrics; a worker that dies meanwhile is left out. */
  async resourceUsage(): Promise<{ pid: number; usage: ms.WorkerResourceUsage }[]> {
    const read = await Promise.allSettled(
      this.workers.map(async (w) => ({ pid: w.pid, usage: await w.getResourceUsage() })),
    );
    return read.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  /** The least-loaded live worker; ties rotate so empty workers fill evenly. */
  pick(): ms.Worker | undefined {
    if (this.workers.length === 0) return undefined;
    const least = Math.min(...this.workers.map((w) => this.routerCounts.get(w) ?? 0));
    const candidates = this.workers.filter((w) => (this.routerCounts.get(w) ?? 0) === least);
    const worker = candidates[this.nextTieBreak % candidates.length];
    this.nextTieBreak += 1;
    return worker;
  }

  /** A live worker, waiting a while for a replacement when every worker is down. */
  acquire(timeoutMs = ACQUIRE_TIMEOUT_MS): Promise<ms.Worker> {
    const worker = this.pick();
    if (worker) return Promise.resolve(worker);
    if (this.isClosed)
      return Promise.reject(new MediaRequestError('SERVICE_UNAVAILABLE', 'The media service is shutting down.'));
    return new Promise((resolve, reject) => {
      const onAdded = (added: ms.Worker) => {
        clearTimeout(timer);
        resolve(added);
      };
      const timer = setTimeout(() => {
        this.off('workerAdded', onAdded);
        reject(
          new MediaRequestError('SERVICE_UNAVAILABLE', 'No media worker is running right now; try again shortly.'),
        );
      }, timeoutMs);
      this.once('workerAdded', onAdded);
    });
  }

  close(): void {
    this.isClosed = true;
    for (const worker of this.workers.splice(0)) worker.close();
    this.routerCounts.clear();
  }

  private async spawn(): Promise<ms.Worker> {
    return mediasoup.createWorker({
      logLevel: this.settings.logLevel,
      rtcMinPort: this.settings.rtcMinPort,
      rtcMaxPort: this.settings.rtcMaxPort,
    });
  }

  private recordFailure(err: unknown): void {
    this.lastFailure = err instanceof Error ? err.message : String(err);
  }

  private add(worker: ms.Worker): void {
    this.workers.push(worker);
    this.routerCounts.set(worker, 0);
    worker.observer.on('newrouter', (router) => {
      this.routerCounts.set(worker, (this.routerCounts.get(worker) ?? 0) + 1);
      router.observer.once('close', () => {
        if (this.routerCounts.has(worker)) this.routerCounts.set(worker, (this.routerCounts.get(worker) ?? 1) - 1);
      });
    });
    worker.once('died', (error) => this.onDied(worker, error));
    this.emit('workerAdded', worker);
  }

  private onDied(worker: ms.Worker, error: Error): void {
    this.deathCount += 1;
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    this.routerCounts.delete(worker);
    this.log.error({ pid: worker.pid, err: error }, 'mediasoup worker died; replacing it');
    this.emit('workerDied', worker, error);
    void this.respawn(RESPAWN_FIRST_DELAY_MS);
  }

  /** Retries with growing delays: a worker that cannot start now (ports, memory) may start later. */
  private async respawn(delayMs: number): Promise<void> {
    if (this.isClosed) return;
    try {
      const worker = await this.spawn();
      if (this.isClosed) {
        worker.close();
        return;
      }
      this.add(worker);
      this.log.info({ pid: worker.pid }, 'replacement mediasoup worker started');
    } catch (err) {
      this.recordFailure(err);
      this.log.error({ err, retryInMs: delayMs }, 'could not start a replacement mediasoup worker');
      setTimeout(() => void this.respawn(Math.min(delayMs * 2, RESPAWN_MAX_DELAY_MS)), delayMs).unref();
    }
  }
}
