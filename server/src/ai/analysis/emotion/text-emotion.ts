import { createRequire } from 'node:module';
import { EMOTION_LABELS, type EmotionEstimate, type EmotionLabel, type EmotionScores } from '@meetai/shared';
import {
  CHINESE_KEYWORDS,
  CHINESE_NEGATORS,
  ENGLISH_KEYWORDS,
  ENGLISH_NEGATORS,
  type KeywordMap,
} from './emotion-keywords';
import type { ChineseLexicon } from './zh-lexicon';

/**
 * Emotion from the words of one utterance. English: VADER's compound score
 * for valence (npm `vader-sentiment`) and the keyword map for which emotion.
 * Chinese: the text is cut into words by `Intl.Segmenter('zh')`, the DUTIR
 * emotion ontology (seven categories) and HowNet's positive/negative lists give
 * emotion and valence, with the keyword map on top; negators before a word
 * turn it around. Evidence adds up per label against a fixed weight for
 * neutral, so a sentence with little evidence stays neutral.
 */

type Vader = { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const vader = createRequire(import.meta.url)('vader-sentiment') as Vader;

export type TextLanguage = 'en' | 'zh';
export type TextEmotion = Omit<EmotionEstimate, 'arousal' | 'signals'> & { language: TextLanguage };

/** Evidence a sentence needs before it leaves neutral. */
const NEUTRAL_WEIGHT = 0.5;
const MAX_CONFIDENCE = 0.9;
const NO_EVIDENCE_CONFIDENCE = 0.5;
/** VADER compound beyond which valence alone counts as evidence (VADER's own ±0.05 is for sentiment, not emotion). */
const VALENCE_EVIDENCE = 0.3;

/** Han characters make up at least a fifth of the letters: read as Chinese. */
export function detectTextLanguage(text: string): TextLanguage {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && han / letters >= 0.2 ? 'zh' : 'en';
}

export class TextEmotionAnalyzer {
  private readonly segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

  constructor(private readonly zhLexicon: ChineseLexicon | null) {}

  get methods(): Record<TextLanguage, string> {
    return {
      en: 'VADER lexicon + keyword map (en)',
      zh: this.zhLexicon
        ? `Intl.Segmenter + DUTIR/HowNet lexicons (${this.zhLexicon.source}) + keyword map (zh)`
        : 'Intl.Segmenter + keyword map (zh; lexicon not installed)',
    };
  }

  analyse(text: string, language: TextLanguage | 'auto' = 'auto'): TextEmotion {
    const lang = language === 'auto' ? detectTextLanguage(text) : language;
    const { evidence, valence } = lang === 'zh' ? this.chinese(text) : english(text);
    return { ...decide(evidence, valence), method: this.methods[lang], language: lang };
  }

  private chinese(text: string): { evidence: Evidence; valence: number } {
    const evidence = keywordEvidence(text, CHINESE_KEYWORDS, (start) =>
      CHINESE_NEGATORS.some((negator) => text.slice(Math.max(0, start - negator.length - 1), start).includes(negator)),
    );
    const words = [...this.segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
    let positive = 0;
    let negative = 0;
    const lexicon = this.zhLexicon;
    words.forEach((word, i) => {
      const isNegated = words.slice(Math.max(0, i - 2), i).some((before) => lexicon?.negators.has(before));
      if (lexicon) {
        for (const [label, weight] of lexicon.emotionsOf(word)) {
          if (isNegated) continue;
          evidence[label] += weight;
        }
        const polarity = lexicon.polarityOf(word) * (isNegated ? -1 : 1);
        if (polarity > 0) positive += 1;
        if (polarity < 0) negative += 1;
      }
    });
    if (!lexicon) return { evidence, valence: clamp(evidence.joy - evidence.anger - evidence.sadness - evidence.fear) };
    const valence = positive + negative === 0 ? 0 : (positive - negative) / (positive + negative + 1);
    return { evidence, valence };
  }
}

type Evidence = Record<Exclude<EmotionLabel, 'neutral'>, number>;

function english(text: string): { evidence: Evidence; valence: number } {
  const lower = text.toLowerCase();
  const tokens = lower.match(/[a-z']+|\?/g) ?? [];
  const evidence = keywordEvidence(lower, ENGLISH_KEYWORDS, (start) => {
    const before = lower.slice(0, start).match(/[a-z']+/g) ?? [];
    return before.slice(-3).some((word) => ENGLISH_NEGATORS.has(word) || word.endsWith("n't"));
  });
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  // Negative words without a named emotion most often voice disappointment.
  if (compound <= -VALENCE_EVIDENCE && evidence.anger + evidence.fear === 0) {
    evidence.sadness += -compound * 0.8;
  }
  if (compound >= VALENCE_EVIDENCE && evidence.surprise === 0) evidence.joy += compound * 0.5;
  if (tokens.length === 0) return { evidence, valence: 0 };
  return { evidence, valence: compound };
}

/**
 * Keyword hits per label, longest keywords first so "fed up" is not also "up"
 * and "害怕" is not also "怕". A negated hit of joy counts as sadness at half
 * weight ("not happy"); other negated hits count for nothing ("not worried").
 */
function keywordEvidence(text: string, map: KeywordMap, isNegatedAt: (start: number) => boolean): Evidence {
  const evidence: Evidence = { joy: 0, anger: 0, sadness: 0, fear: 0, surprise: 0 };
  const taken = new Uint8Array(text.length);
  const entries = Object.entries(map).flatMap(([label, words]) =>
    Object.entries(words).map(([word, weight]) => ({ label: label as keyof Evidence, word, weight })),
  );
  entries.sort((a, b) => b.word.length - a.word.length);
  const isLatin = /[a-z]/.test(text);
  for (const { label, word, weight } of entries) {
    let from = 0;
    while (true) {
      const at = text.indexOf(word, from);
      if (at < 0) break;
      from = at + word.length;
      if (isLatin && !isWordBoundary(text, at, at + word.length)) continue;
      if (taken.subarray(at, at + word.length).some((flag) => flag === 1)) continue;
      taken.fill(1, at, at + word.length);
      if (!isNegatedAt(at)) evidence[label] += weight;
      else if (label === 'joy') evidence.sadness += weight / 2;
    }
  }
  return evidence;
}

function isWordBoundary(text: string, start: number, end: number): boolean {
  const isLetter = (char: string | undefined) => char !== undefined && /[a-z']/.test(char);
  return !isLetter(text[start - 1]) && !isLetter(text[end]);
}

/**
 * Shares per label (neutral's fixed weight against the evidence) and the winner. Confidence is the winner's
 * share, at most MAX_CONFIDENCE (a lexicon is never sure); a sentence with no evidence at all is neutral at
 * NO_EVIDENCE_CONFIDENCE: saying nothing emotional is weak evidence of calm.
 */
function decide(evidence: Evidence, valence: number): Omit<TextEmotion, 'method' | 'language'> {
  const raw: EmotionScores = { ...evidence, neutral: NEUTRAL_WEIGHT };
  const total = EMOTION_LABELS.reduce((sum, label) => sum + raw[label], 0);
  const emotions = Object.fromEntries(
    EMOTION_LABELS.map((label) => [label, round(raw[label] / total)]),
  ) as EmotionScores;
  const emotion = EMOTION_LABELS.reduce(
    (best, label) => (raw[label] > raw[best] ? label : best),
    'neutral' as EmotionLabel,
  );
  const hasEvidence = total > NEUTRAL_WEIGHT;
  const confidence = hasEvidence ? Math.min(MAX_CONFIDENCE, emotions[emotion]) : NO_EVIDENCE_CONFIDENCE;
  return { emotion, confidence, emotions, valence: round(clamp(valence)) };
}

const clamp = (value: number) => Math.max(-1, Math.min(1, value));
const round = (value: number) => Math.round(value * 1000) / 1000;
