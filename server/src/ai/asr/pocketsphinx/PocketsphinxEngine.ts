import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AsrEngineInfo, EngineStatus, LanguageChoice } from '@meetai/shared';
import { float32ToInt16 } from '../../audio/pcm';
import {
  EngineBusyError,
  EngineUnavailableError,
  type EngineCapabilities,
  type EngineStatusListener,
  type LiveUtterance,
  type RecognizeOptions,
  type SpeechEngine,
  type Transcription,
  type UtteranceOptions,
} from '../speech-engine';
import { debianPackageVersions } from './debian-packages';
import { Decoder, type DecodeResult } from './Decoder';
import { DecoderPool } from './decoder-pool';
import { loadPocketsphinxLibrary } from './pocketsphinx-library';
import type { PocketsphinxSettings } from './pocketsphinx-settings';
import { PocketsphinxUtterance } from './PocketsphinxUtterance';

/** The Debian packages whose versions `info()` reports. */
const PACKAGES = ['libpocketsphinx3', 'libsphinxbase3', 'pocketsphinx-en-us'];

/**
 * English speech recognition in-process with Debian's libpocketsphinx (the
 * fallback engine: no Python, no download). The model loads once per decoder
 * at `start()`, off the event loop; audio is decoded on koffi's worker
 * threads while people speak, so a final needs only the end of the search.
 * Confidence is the mean posterior of the words (see Decoder).
 */
export class PocketsphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx' as const;
  readonly model: string;
  readonly capabilities: EngineCapabilities = { isStreaming: true, languages: ['en'], isMultilingual: false };
  private pool: DecoderPool | null = null;
  private starting: Promise<void> | null = null;
  private status: EngineStatus = 'starting';
  private reason: string | null = null;
  private versions: Record<string, string> = {};
  private readonly listeners = new Set<EngineStatusListener>();

  constructor(private readonly settings: PocketsphinxSettings) {
    this.model = path.basename(settings.modelDir);
  }

  start(): Promise<void> {
    this.starting ??= this.load().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus('unavailable', message);
      throw error instanceof EngineUnavailableError ? error : new EngineUnavailableError(message);
    });
    return this.starting;
  }

  info(): AsrEngineInfo {
    return {
      engine: this.name,
      model: this.model,
      versions: { ...this.versions },
      languages: [...this.capabilities.languages],
      is_multilingual: this.capabilities.isMultilingual,
      status: this.status,
      reason: this.reason,
    };
  }

  onStatus(listener: EngineStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async recognize(audio: Float32Array, options: RecognizeOptions): Promise<Transcription> {
    this.requireEnglish(options.language);
    const pool = this.requireReady();
    options.signal?.throwIfAborted();
    if (audio.length === 0) return this.transcription({ text: '', confidence: 0 });
    const decoder = options.priority === 'interim' ? pool.tryAcquire() : await pool.acquire({ signal: options.signal });
    if (!decoder) throw new EngineBusyError('Every pocketsphinx decoder is busy.');
    try {
      const result = await decoder.decodeWhole(float32ToInt16(audio));
      options.signal?.throwIfAborted();
      return this.transcription(result);
    } finally {
      pool.release(decoder);
    }
  }

  openUtterance(options: UtteranceOptions): LiveUtterance {
    this.requireEnglish(options.language);
    return new PocketsphinxUtterance(this.requireReady(), options.speaker, (result) => this.transcription(result));
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    this.setStatus('unavailable', 'The pocketsphinx engine was shut down.');
    await pool?.close();
  }

  private async load(): Promise<void> {
    await this.checkModelFiles();
    const lib = await loadPocketsphinxLibrary();
    // One after another: ps_init sets process-wide state (logging, math tables) while it loads.
    const decoders: Decoder[] = [];
    try {
      for (let i = 0; i < this.settings.decoders; i++) decoders.push(await Decoder.create(lib, this.settings));
    } catch (error) {
      await Promise.all(decoders.map((decoder) => decoder.dispose()));
      throw error;
    }
    this.versions = { ...(await debianPackageVersions(PACKAGES)), koffi: lib.koffiVersion };
    this.pool = new DecoderPool(decoders);
    this.setStatus('ready', null);
  }

  private async checkModelFiles(): Promise<void> {
    const { acousticModelDir, languageModelFile, dictionaryFile, modelDir } = this.settings;
    const required = [path.join(acousticModelDir, 'mdef'), languageModelFile, dictionaryFile];
    const missing: string[] = [];
    for (const file of required) {
      await access(file).catch(() => missing.push(path.relative(modelDir, file)));
    }
    if (missing.length > 0) {
      throw new EngineUnavailableError(
        `The pocketsphinx engine (AI_ASR_ENGINE=pocketsphinx) found no model in ${modelDir} (missing ${missing.join(', ')}): install the Debian package pocketsphinx-en-us, or set AI_POCKETSPHINX_MODEL_DIR to a directory laid out like /usr/share/pocketsphinx/model/en-us.`,
      );
    }
  }

  private requireReady(): DecoderPool {
    if (!this.pool) throw new EngineUnavailableError(this.reason ?? 'The pocketsphinx engine has not been started.');
    return this.pool;
  }

  private requireEnglish(language: LanguageChoice): void {
    if (language === 'zh') {
      throw new Error(
        'The pocketsphinx engine recognizes English only; Chinese needs the whisper engine with a multilingual model.',
      );
    }
  }

  private transcription(result: DecodeResult): Transcription {
    return { ...result, language: 'en', engine: this.name, model: this.model };
  }

  private setStatus(status: EngineStatus, reason: string | null): void {
    this.status = status;
    this.reason = reason;
    const info = this.info();
    for (const listener of this.listeners) listener(info);
  }
}
