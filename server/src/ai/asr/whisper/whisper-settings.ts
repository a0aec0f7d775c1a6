import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '@meetai/shared';

/** Where `scripts/setup-ai.sh` installs things, relative to the repository root. */
export const AI_VENV_DIR = '.venv-ai';
export const DEFAULT_WHISPER_MODEL = `${AI_VENV_DIR}/models/whisper-base`;
const WORKER_SCRIPT = 'server/src/ai/asr/whisper/whisper_worker.py';

export type WhisperSettings = {
  /** A CTranslate2 Whisper model directory (model.bin, config.json, tokenizer.json, vocabulary.*). */
  modelDir: string;
  /** The interpreter of the venv that has faster-whisper. */
  python: string;
  workerScript: string;
  /** CTranslate2 threads of the one decode that runs at a time (2 cores are shared with the SFU and the VAD). */
  threads: number;
  /**
   * The encoder's input: `fit` is the audio's own length plus 1 s (3-4x faster
   * on utterances), `full` Whisper's fixed 30 s window (what faster-whisper does).
   */
  window: 'fit' | 'full';
  /** Decodes waiting for the worker before more are refused as busy. */
  maxQueued: number;
  /** How long the worker may take to load its model. */
  startTimeoutMs: number;
  /** First and longest wait before the worker is started again after it died. */
  restartDelayMs: { first: number; max: number };
};

// Empty values count as unset, as everywhere in the server's environment.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const WhisperEnvSchema = z.object({
  AI_WHISPER_MODEL: z.preprocess(unsetIfEmpty, z.string().optional()),
  AI_PYTHON: z.preprocess(unsetIfEmpty, z.string().optional()),
  AI_WHISPER_THREADS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(16).default(1)),
  AI_WHISPER_WINDOW: z.preprocess(unsetIfEmpty, z.enum(['fit', 'full']).default('fit')),
});

/**
 * The whisper engine's settings from the environment. `repoRoot` anchors the
 * defaults (the venv and model that setup-ai.sh installs) wherever the server
 * runs from, bundled or not; relative paths in the variables are resolved
 * against the current directory. Throws a sentence naming the bad variable.
 */
export function loadWhisperSettings(env: Record<string, string | undefined>, repoRoot: string): WhisperSettings {
  const parsed = WhisperEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  return {
    modelDir: e.AI_WHISPER_MODEL ? path.resolve(e.AI_WHISPER_MODEL) : path.join(repoRoot, DEFAULT_WHISPER_MODEL),
    // A bare command name (`python3`) is looked up on PATH; a path is resolved.
    python: e.AI_PYTHON
      ? e.AI_PYTHON.includes('/')
        ? path.resolve(e.AI_PYTHON)
        : e.AI_PYTHON
      : path.join(repoRoot, AI_VENV_DIR, 'bin/python'),
    workerScript: path.join(repoRoot, WORKER_SCRIPT),
    threads: e.AI_WHISPER_THREADS,
    window: e.AI_WHISPER_WINDOW,
    maxQueued: 16,
    startTimeoutMs: 60_000,
    restartDelayMs: { first: 500, max: 30_000 },
  };
}
