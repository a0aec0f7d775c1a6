import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AsrEngineInfo, EngineStatus, LanguageChoice } from '@meetai/shared';
import {
  EngineUnavailableError,
  type EngineCapabilities,
  type EngineStatusListener,
  type LiveUtterance,
  type RecognizeOptions,
  type SpeechEngine,
  type Transcription,
} from '../speech-engine';
import { BufferedUtterance } from './BufferedUtterance';
import { DecodeQueue, type DecodePriority } from './DecodeQueue';
import { WORKER_MAX_AUDIO_SECONDS, type WorkerResult } from './whisper-protocol';
import { whisperModelProblem } from './whisper-model-dir';
import type { WhisperSettings } from './whisper-settings';
import { WhisperSupervisor } from './WhisperSupervisor';

const SAMPLE_RATE = 16_000;

/**
 * faster-whisper in a supervised Python worker (the seed's inference worker).
 * Node owns everything but the inference: the queue (one decode at a time,
 * finals first), restarts, and the status people see. Whisper decodes whole
 * clips, so a live utterance is buffered and re-decoded for interims.
 */
export class WhisperEngine implements SpeechEngine {
  readonly name = 'whisper' as const;
  private readonly supervisor: WhisperSupervisor;
  private readonly queue: DecodeQueue;
  private readonly listeners = new Set<EngineStatusListener>();
  private status: EngineStatus = 'starting';
  private reason: string | null = null;
  private nextUtterance = 0;

  constructor(private readonly settings: WhisperSettings) {
    this.supervisor = new WhisperSupervisor(settings);
    this.queue = new DecodeQueue(settings.maxQueued);
    this.supervisor.on('status', (status, reason) => this.setStatus(status, reason));
  }

  /** The model's name (its directory's), as every caption line reports it. */
  get model(): string {
    return this.supervisor.ready?.model ?? path.basename(this.settings.modelDir);
  }

  /** Known once `start()` has loaded the model; English only before. */
  get capabilities(): EngineCapabilities {
    const ready = this.supervisor.ready;
    return {
      isStreaming: false,
      languages: ready?.languages ?? ['en'],
      isMultilingual: ready?.multilingual ?? false,
    };
  }

  /**
   * What keeps this engine from starting with these settings (no model, no
   * venv), as a sentence naming the variable to fix; null when it is installed.
   * The AI module uses it to pick whisper by default only where it can run.
   */
  static installProblem(settings: Pick<WhisperSettings, 'modelDir' | 'python'>): string | null {
    return whisperModelProblem(settings.modelDir) ?? pythonProblem(settings.python);
  }

  async start(): Promise<void> {
    const problem = WhisperEngine.installProblem(this.settings);
    try {
      if (problem) throw new EngineUnavailableError(problem);
      await this.supervisor.start();
    } catch (err) {
      this.setStatus('unavailable', (err as Error).message);
      throw err;
    }
    this.setStatus('ready', null);
  }

  info(): AsrEngineInfo {
    const ready = this.supervisor.ready;
    return {
      engine: this.name,
      model: this.model,
      versions: ready?.versions ?? {},
      languages: this.capabilities.languages,
      is_multilingual: this.capabilities.isMultilingual,
      status: this.status,
      reason: this.reason,
    };
  }

  onStatus(listener: EngineStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recognize(audio: Float32Array, options: RecognizeOptions): Promise<Transcription> {
    return this.decode(audio, options.language, options.priority, options.signal);
  }

  openUtterance(options: { language: LanguageChoice }): LiveUtterance {
    this.nextUtterance += 1;
    const utteranceId = `u${this.nextUtterance}`;
    return new BufferedUtterance(
      (pcm, priority, signal) => this.decode(pcm, options.language, priority, signal, utteranceId),
      { text: '', confidence: 0, language: options.language === 'auto' ? 'en' : options.language, ...this.label() },
    );
  }

  /** The worker's process id, so tests can kill it the way a crash would; undefined while it is restarting. */
  workerPid(): number | undefined {
    return this.supervisor.pid;
  }

  /** Decodes waiting for the worker (for /health and the room's "captions delayed" notice). */
  get queuedDecodes(): number {
    return this.queue.waiting;
  }

  async close(): Promise<void> {
    this.queue.clear(new EngineUnavailableError('The whisper engine was closed.'));
    await this.supervisor.close();
  }

  private decode(
    pcm: Float32Array,
    language: LanguageChoice,
    priority: DecodePriority,
    signal?: AbortSignal,
    utteranceId?: string,
  ): Promise<Transcription> {
    if (language !== 'auto' && !this.capabilities.languages.includes(language)) {
      return Promise.reject(
        new RangeError(
          `The whisper model ${this.model} does not speak "${language}": it is English-only. ` +
            'Set AI_WHISPER_MODEL to a multilingual model (setup-ai.sh installs whisper-base).',
        ),
      );
    }
    if (pcm.length > WORKER_MAX_AUDIO_SECONDS * SAMPLE_RATE) {
      return Promise.reject(new RangeError(`Audio longer than ${WORKER_MAX_AUDIO_SECONDS} s cannot be decoded.`));
    }
    return this.queue.enqueue({ priority, utteranceId, signal }, async () =>
      this.toTranscription(await this.supervisor.decode(pcm, language)),
    );
  }

  private toTranscription(result: WorkerResult): Transcription {
    return { text: result.text, confidence: result.confidence, language: result.language, ...this.label() };
  }

  private label(): Pick<Transcription, 'engine' | 'model'> {
    return { engine: this.name, model: this.model };
  }

  private setStatus(status: EngineStatus, reason: string | null): void {
    this.status = status;
    this.reason = reason;
    const info = this.info();
    for (const listener of this.listeners) listener(info);
  }
}

function pythonProblem(python: string): string | null {
  // A bare command name is found on PATH when spawned; a failure then is reported by the worker's start.
  if (!python.includes('/') || existsSync(python)) return null;
  return (
    `AI_PYTHON is ${python}, which does not exist: run \`bash scripts/setup-ai.sh\` ` +
    '(npm run setup does) to create the venv with faster-whisper, or point AI_PYTHON at one.'
  );
}
