import type { AsrEngineInfo, AsrEngineName, CaptionLanguage, LanguageChoice } from '@meetai/shared';

/**
 * The speech-to-text seam (after livekit/agents' STT): every engine takes
 * 16 kHz mono float PCM in [-1, 1], for a whole clip (`recognize`, what the
 * REST route needs) or live, one utterance at a time (`openUtterance`, what
 * captions need: audio pushed while the person speaks, interim text on
 * request, one final when the voice activity detector closes the utterance).
 * The caption code never knows which engine it has.
 */
export const ASR_SAMPLE_RATE = 16_000;

export type Transcription = {
  text: string;
  /** 0..1; how the engine derives it is engine-specific and documented there. */
  confidence: number;
  /** The language the text is in (detected when the request said `auto`). */
  language: string;
  engine: AsrEngineName;
  model: string;
};

export type RecognizeOptions = {
  language: LanguageChoice;
  /** Interim decodes may be dropped under load; finals never are. */
  priority: 'interim' | 'final';
  signal?: AbortSignal;
};

export type UtteranceOptions = {
  language: LanguageChoice;
  /**
   * Who is speaking (e.g. the producer id), so an engine that adapts to a
   * channel can reuse what it learned from this speaker's earlier utterances.
   */
  speaker?: string;
};

/** One utterance fed live. `finish` or `abort` ends it; either may be called once. */
export interface LiveUtterance {
  push(pcm: Float32Array): void;
  /** Best text so far, or null when the engine has nothing (or dropped the request under load). */
  interim(): Promise<Transcription | null>;
  finish(): Promise<Transcription>;
  abort(): void;
}

export type EngineCapabilities = {
  /** True when the engine decodes audio as it arrives (interims are cheap). */
  isStreaming: boolean;
  languages: CaptionLanguage[];
  isMultilingual: boolean;
};

export type EngineStatusListener = (info: AsrEngineInfo) => void;

export interface SpeechEngine {
  readonly name: AsrEngineName;
  readonly model: string;
  readonly capabilities: EngineCapabilities;
  /** Loads the model once (never per utterance). Rejects with a sentence naming the setting to fix. */
  start(): Promise<void>;
  info(): AsrEngineInfo;
  /** Status changes (ready → restarting → ready ...), so the room can tell its people. */
  onStatus(listener: EngineStatusListener): () => void;
  recognize(audio: Float32Array, options: RecognizeOptions): Promise<Transcription>;
  openUtterance(options: UtteranceOptions): LiveUtterance;
  close(): Promise<void>;
}

/** Thrown by `recognize`/`interim` when the engine refused work under load; callers treat it as "no result". */
export class EngineBusyError extends Error {
  constructor(message = 'The speech engine is busy') {
    super(message);
    this.name = 'EngineBusyError';
  }
}

/** Thrown when the engine is restarting or could not start. */
export class EngineUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineUnavailableError';
  }
}
