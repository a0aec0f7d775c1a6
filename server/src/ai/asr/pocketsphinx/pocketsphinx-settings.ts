import path from 'node:path';
import { z } from 'zod';

/** Where Debian's `pocketsphinx-en-us` puts the US English model. */
export const DEBIAN_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

/**
 * How the pocketsphinx engine runs, from the environment:
 * - `AI_POCKETSPHINX_MODEL_DIR`: a model laid out like Debian's: the acoustic
 *   model in `en-us/`, the language model `en-us.lm.bin`, the dictionary
 *   `cmudict-en-us.dict`;
 * - `AI_POCKETSPHINX_DECODERS`: how many utterances can be decoded at once.
 *   Each decoder holds its own copy of the model (~95 MB): the 5prealpha API
 *   cannot share one between threads (the language model keeps scoring caches).
 */
export type PocketsphinxSettings = {
  modelDir: string;
  acousticModelDir: string;
  languageModelFile: string;
  dictionaryFile: string;
  decoders: number;
};

const EnvSchema = z.object({
  AI_POCKETSPHINX_MODEL_DIR: z.string().trim().min(1).default(DEBIAN_MODEL_DIR),
  AI_POCKETSPHINX_DECODERS: z.coerce
    .number({ error: 'AI_POCKETSPHINX_DECODERS must be a whole number from 1 to 8' })
    .int('AI_POCKETSPHINX_DECODERS must be a whole number from 1 to 8')
    .min(1, 'AI_POCKETSPHINX_DECODERS must be a whole number from 1 to 8')
    .max(8, 'AI_POCKETSPHINX_DECODERS must be a whole number from 1 to 8')
    .default(2),
});

export class PocketsphinxSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PocketsphinxSettingsError';
  }
}

export function parsePocketsphinxSettings(env: Record<string, string | undefined> = process.env): PocketsphinxSettings {
  // Empty strings count as unset, as in the server's own config.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new PocketsphinxSettingsError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const modelDir = path.resolve(parsed.data.AI_POCKETSPHINX_MODEL_DIR);
  return {
    modelDir,
    acousticModelDir: path.join(modelDir, 'en-us'),
    languageModelFile: path.join(modelDir, 'en-us.lm.bin'),
    dictionaryFile: path.join(modelDir, 'cmudict-en-us.dict'),
    decoders: parsed.data.AI_POCKETSPHINX_DECODERS,
  };
}
