import { z } from 'zod';
import { LanguageChoiceSchema, describeIssues, type LanguageChoice } from '@meetai/shared';
import { loadAnalysisSettings, type AnalysisSettings } from './analysis/analysis-settings';
import { parsePocketsphinxSettings, type PocketsphinxSettings } from './asr/pocketsphinx/pocketsphinx-settings';
import { loadWhisperSettings, type WhisperSettings } from './asr/whisper/whisper-settings';
import { loadSpeechStreamSettings, type SpeechStreamSettings } from './captions/speech-stream';
import { loadVadSettings, type VadSettings } from './vad/silero-vad';

/** AI_* settings: the module's own, and each engine's (read by the engine's folder). */
export type AiSettings = {
  /** Undefined: whisper where its model is installed, else pocketsphinx (decided at start, and logged). */
  engine: 'whisper' | 'pocketsphinx' | 'off' | undefined;
  /** The caption language of a meeting whose host has not chosen one. */
  defaultLanguage: LanguageChoice;
  /** Utterances waiting for their final in one meeting before the room is told captions are delayed. */
  maxPendingFinals: number;
  whisper: WhisperSettings;
  pocketsphinx: PocketsphinxSettings;
  vad: VadSettings;
  stream: SpeechStreamSettings;
  analysis: AnalysisSettings;
};

const AiEnvSchema = z.object({
  AI_ASR_ENGINE: z.enum(['whisper', 'pocketsphinx', 'off']).optional(),
  AI_CAPTIONS_LANGUAGE: LanguageChoiceSchema.default('auto'),
  AI_MAX_PENDING_FINALS: z.coerce.number().int().min(1).max(100).default(3),
});

/** `env` has empty values removed already (the server's config does that). */
export function loadAiSettings(env: Record<string, string | undefined>, repoRoot: string): AiSettings {
  const parsed = AiEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  return {
    engine: parsed.data.AI_ASR_ENGINE,
    defaultLanguage: parsed.data.AI_CAPTIONS_LANGUAGE,
    maxPendingFinals: parsed.data.AI_MAX_PENDING_FINALS,
    whisper: loadWhisperSettings(env, repoRoot),
    pocketsphinx: parsePocketsphinxSettings(env),
    vad: loadVadSettings(env),
    stream: loadSpeechStreamSettings(env),
    analysis: loadAnalysisSettings(env, repoRoot),
  };
}
