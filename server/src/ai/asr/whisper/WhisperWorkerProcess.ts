import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import type { LanguageChoice } from '@meetai/shared';
import { EngineUnavailableError } from '../speech-engine';
import { encodeRequest, parseWorkerLine, type WorkerReady, type WorkerResult } from './whisper-protocol';
import type { WhisperSettings } from './whisper-settings';

type WorkerEvents = {
  /** The process ended (crashed, was killed, or was closed); every pending request is already rejected. */
  exit: [reason: string];
};

type Pending = { resolve: (result: WorkerResult) => void; reject: (error: Error) => void };

/** The last lines the worker wrote to stderr, for error messages (a Python traceback ends with its cause). */
const STDERR_LINES_KEPT = 20;
const CLOSE_GRACE_MS = 3_000;

/**
 * One running `whisper_worker.py`: spawned, waited on until its ready line,
 * then sent requests whose answers are matched by id. It does not restart
 * itself (WhisperSupervisor does); when it dies, pending requests reject with
 * EngineUnavailableError and `exit` is emitted once.
 */
export class WhisperWorkerProcess extends EventEmitter<WorkerEvents> {
  private readonly pending = new Map<string, Pending>();
  private nextId = 0;
  private exitReason: string | null = null;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ready: WorkerReady,
    private readonly stderrTail: string[],
  ) {
    super();
  }

  /** Spawns the worker and resolves once the model is loaded; rejects with the worker's own explanation otherwise. */
  static start(
    settings: Pick<WhisperSettings, 'python' | 'workerScript' | 'modelDir' | 'threads' | 'window' | 'startTimeoutMs'>,
  ): Promise<WhisperWorkerProcess> {
    const child = spawn(
      settings.python,
      [
        settings.workerScript,
        ...['--model', settings.modelDir, '--threads', String(settings.threads), '--window', settings.window],
      ],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        // No hub downloads at run time; OpenMP must not spread over cores beyond the threads asked for.
        env: { ...process.env, HF_HUB_OFFLINE: '1', OMP_NUM_THREADS: String(settings.threads) },
      },
    );
    return new Promise((resolve, reject) => {
      const stderrTail: string[] = [];
      let worker: WhisperWorkerProcess | null = null;
      const fail = (message: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new EngineUnavailableError(message));
      };
      const timer = setTimeout(
        () => fail(`The whisper worker did not load its model within ${settings.startTimeoutMs / 1000} s.`),
        settings.startTimeoutMs,
      );

      createInterface({ input: child.stderr }).on('line', (line) => {
        stderrTail.push(line);
        if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        const message = parseWorkerLine(line);
        if (worker) {
          worker.onMessage(message, line);
          return;
        }
        if (message?.type === 'ready') {
          clearTimeout(timer);
          worker = new WhisperWorkerProcess(child, message, stderrTail);
          resolve(worker);
        } else if (message?.type === 'fatal') {
          fail(`AI_WHISPER_MODEL is ${settings.modelDir}, which the whisper worker could not load: ${message.error}`);
        }
      });
      child.on('error', (err: NodeJS.ErrnoException) => {
        const hint = err.code === 'ENOENT' ? ' Set AI_PYTHON, or run `bash scripts/setup-ai.sh`.' : '';
        if (worker) worker.onExit(`it could not be run: ${err.message}`);
        else fail(`The whisper worker could not be started with ${settings.python}: ${err.message}.${hint}`);
      });
      // 'close' rather than 'exit': by then stderr is read to the end, so the cause is in the tail.
      child.on('close', (code, signal) => {
        const how = signal ? `killed by ${signal}` : `exit code ${code}`;
        if (worker) {
          worker.onExit(how);
          return;
        }
        const cause = stderrTail.at(-1) ?? 'no output';
        fail(`The whisper worker stopped while loading the model (${how}): ${cause}`);
      });
      // Writes into a dead pipe fail here; the exit handler reports why.
      child.stdin.on('error', () => undefined);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isAlive(): boolean {
    return this.exitReason === null;
  }

  /** Decodes one clip. Callers send one at a time (DecodeQueue): the worker has one decoder. */
  decode(pcm: Float32Array, language: LanguageChoice): Promise<WorkerResult> {
    if (this.exitReason !== null) {
      return Promise.reject(new EngineUnavailableError(`The whisper worker has stopped (${this.exitReason}).`));
    }
    this.nextId += 1;
    const id = `r${this.nextId}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(encodeRequest(id, language, pcm));
    });
  }

  /** For tests and the supervisor: end the process at once, as a crash would. */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** Ends the worker: closing stdin lets it finish its current decode and exit; it is killed if it lingers. */
  close(): Promise<void> {
    if (this.exitReason !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), CLOSE_GRACE_MS);
      this.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.stdin.end();
    });
  }

  private onMessage(message: ReturnType<typeof parseWorkerLine>, line: string): void {
    if (message?.type === 'result') {
      this.settle(message.id, (pending) => pending.resolve(message));
    } else if (message?.type === 'error' && message.id !== null) {
      const text = message.error;
      this.settle(message.id, (pending) => pending.reject(new Error(`The whisper worker refused the audio: ${text}`)));
    } else {
      // Not ours to answer: keep it for the next error message rather than dropping it silently.
      this.stderrTail.push(`stdout: ${line}`);
    }
  }

  private settle(id: string, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    action(pending);
  }

  private onExit(how: string): void {
    if (this.exitReason !== null) return;
    const lastWords = this.stderrTail.at(-1);
    this.exitReason = lastWords && !how.startsWith('killed') ? `${how}: ${lastWords}` : how;
    const error = new EngineUnavailableError(`The whisper worker stopped (${this.exitReason}).`);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.emit('exit', this.exitReason);
  }
}
