import type { ActionItem, SummaryResult } from '@meetai/shared';
import { detectTextLanguage } from '../emotion/text-emotion';
import { findItem } from './action-items';
import { splitSentences, type SummaryLanguage } from './sentences';
import { textRank } from './textrank';

/**
 * An extractive summary of a text or a transcript: TextRank picks the most
 * central sentences (near-repeats of a chosen one skipped, spoken order kept),
 * and every sentence is checked for decisions and action items. Indices say
 * where each came from: `index` is the sentence's position, `line` the input
 * line (a transcript line when summarising a meeting).
 */
export const SUMMARY_METHOD = 'TextRank extractive summary + decision/action patterns';

export type SummaryLine = { text: string; speaker?: string };
export type SummaryOutput = SummaryResult & {
  /** Input line of each `sentences[i]` and `action_items[i]`. */
  sentenceLines: number[];
  itemLines: number[];
};

/** Sentences sharing more than this share of words with a chosen one are not chosen too. */
const REDUNDANCY = 0.6;

export function summarize(
  lines: SummaryLine[],
  options: { language?: SummaryLanguage | 'auto'; maxSentences?: number } = {},
): SummaryOutput {
  const language =
    !options.language || options.language === 'auto'
      ? detectTextLanguage(lines.map((line) => line.text).join(' '))
      : options.language;
  const sentences = splitSentences(
    lines.map((line) => line.text),
    language,
  );
  const scores = textRank(sentences);
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: number[] = [];
  for (const { index } of order) {
    if (chosen.length >= (options.maxSentences ?? 5)) break;
    const words = new Set(sentences[index]!.words);
    if (words.size === 0) continue;
    const isRepeat = chosen.some((other) => {
      const shared = sentences[other]!.words.filter((word) => words.has(word)).length;
      return shared / Math.min(words.size, new Set(sentences[other]!.words).size || 1) > REDUNDANCY;
    });
    if (!isRepeat) chosen.push(index);
  }
  chosen.sort((a, b) => a - b);
  const items: ActionItem[] = [];
  const itemLines: number[] = [];
  const seen = new Set<string>();
  sentences.forEach((sentence, index) => {
    const found = findItem(sentence.text, language, lines[sentence.line]?.speaker);
    // The same words said again (a repeated request, a recap) are one item, where they were first said.
    const key = sentence.text
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim();
    if (!found || seen.has(key)) return;
    seen.add(key);
    items.push({ ...found, text: sentence.text, index });
    itemLines.push(sentence.line);
  });
  const separator = language === 'zh' ? '' : ' ';
  return {
    summary: chosen.map((index) => sentences[index]!.text).join(separator),
    sentences: chosen.map((index) => ({ text: sentences[index]!.text, index, score: round(scores[index]!) })),
    action_items: items,
    language,
    method: SUMMARY_METHOD,
    sentenceLines: chosen.map((index) => sentences[index]!.line),
    itemLines,
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
