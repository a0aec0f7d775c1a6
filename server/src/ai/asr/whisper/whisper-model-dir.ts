import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const REQUIRED_FILES = ['model.bin', 'config.json', 'tokenizer.json'];
const VOCABULARY_FILES = ['vocabulary.txt', 'vocabulary.json'];

/**
 * What is wrong with a model directory, as a sentence naming AI_WHISPER_MODEL,
 * or null when it has the files of a CTranslate2 Whisper model. Checked before
 * the worker starts, so a missing model is a clear start-up error and never a
 * Python traceback (nor a silent switch to another engine).
 */
export function whisperModelProblem(modelDir: string): string | null {
  const fix =
    'Run `bash scripts/setup-ai.sh` (npm run setup does) or set AI_WHISPER_MODEL to a CTranslate2 Whisper model directory.';
  if (!existsSync(modelDir)) return `AI_WHISPER_MODEL is ${modelDir}, which does not exist. ${fix}`;
  if (!statSync(modelDir).isDirectory()) return `AI_WHISPER_MODEL is ${modelDir}, which is not a directory. ${fix}`;
  const missing = REQUIRED_FILES.filter((file) => !existsSync(path.join(modelDir, file)));
  if (!VOCABULARY_FILES.some((file) => existsSync(path.join(modelDir, file)))) missing.push('vocabulary.txt');
  if (missing.length > 0) {
    return `AI_WHISPER_MODEL is ${modelDir}, which is not a whisper model: ${missing.join(', ')} missing. ${fix}`;
  }
  return null;
}
