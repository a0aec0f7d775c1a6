import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '@meetai/shared';

/** AI_EMOTION, AI_SYNTHESIS, AI_SPOOF_*, AI_ZH_LEXICON: what the analysis runs on, and its defaults per meeting. */
export type AnalysisSettings = {
  /** Default of a meeting whose host has not switched it. */
  emotionByDefault: boolean;
  synthesisByDefault: boolean;
  /** An ONNX anti-spoofing model in place of the feature indicator; undefined: the feature indicator. */
  spoofModel: { path: string; spoofClass: number; threshold: number } | undefined;
  zhLexicon: string;
};

const AnalysisEnvSchema = z.object({
  AI_EMOTION: z.enum(['on', 'off']).default('on'),
  AI_SYNTHESIS: z.enum(['on', 'off']).default('on'),
  AI_SPOOF_MODEL: z.string().min(1).optional(),
  AI_SPOOF_CLASS: z.coerce.number().int().min(0).max(1).default(0),
  AI_SPOOF_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  AI_ZH_LEXICON: z.string().min(1).optional(),
});

export function loadAnalysisSettings(env: Record<string, string | undefined>, repoRoot: string): AnalysisSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = AnalysisEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  const data = parsed.data;
  return {
    emotionByDefault: data.AI_EMOTION === 'on',
    synthesisByDefault: data.AI_SYNTHESIS === 'on',
    spoofModel: data.AI_SPOOF_MODEL
      ? {
          path: path.resolve(repoRoot, data.AI_SPOOF_MODEL),
          spoofClass: data.AI_SPOOF_CLASS,
          threshold: data.AI_SPOOF_THRESHOLD,
        }
      : undefined,
    zhLexicon: path.resolve(repoRoot, data.AI_ZH_LEXICON ?? '.ai-data/zh-emotion-lexicon.json'),
  };
}
