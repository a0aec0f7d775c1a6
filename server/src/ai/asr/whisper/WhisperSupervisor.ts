import { EventEmitter } from 'node:events';
import type { EngineStatus, LanguageChoice } from '@meetai/shared';
import { EngineUnavailableError } from '../speech-engine';
import type { WorkerReady, WorkerResult } from './whisper-protocol';
import type { WhisperSettings } from './whisper-settings';
import { WhisperWorkerProcess } from './WhisperWorkerProcess';

type SupervisorEvents = {
  /** `reason` is a sentence for people, null when ready. */
  status: [status: EngineStatus, reason: string | null];
};

/** A worker that stayed up this long was healthy: the next restart waits the shortest delay again. */
const STABLE_UPTIME_MS = 60_000;
/** Failed restarts in a row before the engine is reported unavailable rather than restarting (it keeps trying). */
const FAILED_RESTARTS_BEFORE_UNAVAILABLE = 3;

/**
 * Keeps one whisper worker running. The first start is the caller's to
 * handle (a broken model is a start-up error, never retried in silence);
 * after that, a worker that dies is started again with exponential backoff,
 * and every change is reported as a status with its reason in words.
 */
export class WhisperSupervisor extends EventEmitter<SupervisorEvents> {
  private worker: WhisperWorkerProcess | null = null;
  private lastReady: WorkerReady | null = null;
  private delayMs: number;
  private failedRestarts = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private restarting: Promise<void> | null = null;
  private isClosed = false;

  constructor(private readonly settings: WhisperSettings) {
    super();
    this.delayMs = settings.restartDelayMs.first;
  }

  /** What the last worker that loaded said about itself (model, versions, languages); null before the first start. */
  get ready(): WorkerReady | null {
    return this.lastReady;
  }

  get pid(): number | undefined {
    return this.worker?.pid;
  }

  async start(): Promise<void> {
    this.adopt(await WhisperWorkerProcess.start(this.settings));
  }

  decode(pcm: Float32Array, language: LanguageChoice): Promise<WorkerResult> {
    if (!this.worker) {
      const state = this.lastReady ? 'is restarting' : 'has not started';
      return Promise.reject(new EngineUnavailableError(`The whisper worker ${state}.`));
    }
    return this.worker.decode(pcm, language);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = null;
    await Promise.all([worker?.close(), this.restarting]);
  }

  private adopt(worker: WhisperWorkerProcess): void {
    const startedAt = Date.now();
    this.worker = worker;
    this.lastReady = worker.ready;
    worker.once('exit', (reason) => {
      if (this.worker !== worker || this.isClosed) return;
      this.worker = null;
      if (Date.now() - startedAt >= STABLE_UPTIME_MS) this.delayMs = this.settings.restartDelayMs.first;
      this.scheduleRestart(`The whisper worker stopped (${reason})`);
    });
  }

  private scheduleRestart(why: string): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.settings.restartDelayMs.max);
    const status = this.failedRestarts >= FAILED_RESTARTS_BEFORE_UNAVAILABLE ? 'unavailable' : 'restarting';
    this.emit('status', status, `${why}; starting it again in ${formatSeconds(delay)}.`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarting = this.restart().finally(() => (this.restarting = null));
    }, delay);
  }

  private async restart(): Promise<void> {
    try {
      const worker = await WhisperWorkerProcess.start(this.settings);
      if (this.isClosed) {
        await worker.close();
        return;
      }
      this.failedRestarts = 0;
      this.adopt(worker);
      this.emit('status', 'ready', null);
    } catch (err) {
      if (this.isClosed) return;
      this.failedRestarts += 1;
      this.scheduleRestart(`The whisper worker could not be started again: ${(err as Error).message}`);
    }
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
