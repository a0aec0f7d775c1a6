import type { FastifyBaseLogger } from 'fastify';
import type { AiSettings } from '../ai-settings';
import { PocketsphinxEngine } from './pocketsphinx/PocketsphinxEngine';
import type { SpeechEngine } from './speech-engine';
import { whisperModelProblem } from './whisper/whisper-model-dir';
import { WhisperEngine } from './whisper/WhisperEngine';

/**
 * The engine `AI_ASR_ENGINE` names, started (model loaded once). Unset means
 * whisper where its model is installed, else pocketsphinx: a default, said in
 * the log. A chosen engine that cannot start is an error, never a quiet switch
 * to the other one.
 */
export async function createSpeechEngine(settings: AiSettings, log: FastifyBaseLogger): Promise<SpeechEngine | null> {
  const whisperProblem = whisperModelProblem(settings.whisper.modelDir);
  const choice = settings.engine ?? (whisperProblem === null ? 'whisper' : 'pocketsphinx');
  if (choice === 'off') {
    log.info('speech recognition switched off (AI_ASR_ENGINE=off)');
    return null;
  }
  if (!settings.engine) {
    log.info(
      { engine: choice, whisperProblem },
      `AI_ASR_ENGINE not set: using ${choice}${whisperProblem ? ` (no whisper model: ${whisperProblem})` : ''}`,
    );
  }
  const engine =
    choice === 'whisper' ? new WhisperEngine(settings.whisper) : new PocketsphinxEngine(settings.pocketsphinx);
  try {
    await engine.start();
  } catch (err) {
    await engine.close().catch(() => undefined);
    const how = settings.engine ? `AI_ASR_ENGINE=${choice}` : `AI_ASR_ENGINE unset, so ${choice}`;
    throw new Error(
      `The speech engine could not start (${how}): ${(err as Error).message} Set AI_ASR_ENGINE=off to run without captions.`,
    );
  }
  log.info({ engine: choice, model: engine.model, languages: engine.capabilities.languages }, 'speech engine ready');
  return engine;
}
