import { EngineBusyError } from '../speech-engine';

export type DecodePriority = 'interim' | 'final';

export type DecodeJobOptions = {
  priority: DecodePriority;
  /** Interims of one utterance replace each other: only one may wait at a time. */
  utteranceId?: string;
  signal?: AbortSignal;
};

type Job = DecodeJobOptions & {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onAbort?: () => void;
};

/**
 * One decode at a time (the worker has one decoder and the machine two
 * cores), finals before interims. Interims are the first thing given up under
 * load: one is refused with EngineBusyError when a final is waiting, when an
 * interim of the same utterance is already waiting, or when the queue is full
 * (a full queue makes room for a final by dropping the oldest waiting
 * interim; a final is refused only when finals alone fill it). An aborted
 * signal takes a waiting job out of the queue.
 */
export class DecodeQueue {
  private readonly finals: Job[] = [];
  private readonly interims: Job[] = [];
  private isRunning = false;

  constructor(private readonly maxWaiting: number) {}

  /** Jobs waiting to run (not counting the one running). */
  get waiting(): number {
    return this.finals.length + this.interims.length;
  }

  get waitingFinals(): number {
    return this.finals.length;
  }

  enqueue<T>(options: DecodeJobOptions, run: () => Promise<T>): Promise<T> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const refusal = this.refusal(options);
    if (refusal) return Promise.reject(new EngineBusyError(refusal));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { ...options, run, resolve: resolve as (value: unknown) => void, reject };
      if (options.signal) {
        job.onAbort = () => {
          if (this.remove(job)) reject(options.signal?.reason);
        };
        options.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      (options.priority === 'final' ? this.finals : this.interims).push(job);
      this.pump();
    });
  }

  /** Rejects every waiting job (the running one settles by itself). */
  clear(error: Error): void {
    for (const job of [...this.finals, ...this.interims]) {
      this.detach(job);
      job.reject(error);
    }
    this.finals.length = 0;
    this.interims.length = 0;
  }

  private refusal(options: DecodeJobOptions): string | null {
    if (options.priority === 'interim') {
      if (this.finals.length > 0) return 'The speech engine is busy with final decodes; interim skipped.';
      if (options.utteranceId !== undefined && this.interims.some((job) => job.utteranceId === options.utteranceId)) {
        return 'An interim decode of this utterance is already waiting.';
      }
      if (this.waiting >= this.maxWaiting) return 'The speech engine queue is full; interim skipped.';
      return null;
    }
    if (this.waiting < this.maxWaiting) return null;
    const oldestInterim = this.interims.shift();
    if (!oldestInterim) return `The speech engine has ${this.finals.length} final decodes waiting; try again later.`;
    this.detach(oldestInterim);
    oldestInterim.reject(new EngineBusyError('A final decode took this interim decode’s place in the queue.'));
    return null;
  }

  private pump(): void {
    if (this.isRunning) return;
    const job = this.finals.shift() ?? this.interims.shift();
    if (!job) return;
    this.detach(job);
    this.isRunning = true;
    let outcome: Promise<unknown>;
    try {
      outcome = job.run();
    } catch (err) {
      outcome = Promise.reject(err);
    }
    outcome.then(job.resolve, job.reject).finally(() => {
      this.isRunning = false;
      this.pump();
    });
  }

  private remove(job: Job): boolean {
    const list = job.priority === 'final' ? this.finals : this.interims;
    const index = list.indexOf(job);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  private detach(job: Job): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
  }
}
