import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMOTION_LABELS } from '@meetai/shared';
import { CHINESE_EMOTION_SET, ENGLISH_EMOTION_SET, type LabelledSentence } from './testing/emotion-sets';
import { detectTextLanguage, TextEmotionAnalyzer } from './text-emotion';
import { loadChineseLexicon } from './zh-lexicon';

const LEXICON = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../.ai-data/zh-emotion-lexicon.json',
);
const lexicon = loadChineseLexicon(LEXICON);
const analyzer = new TextEmotionAnalyzer(lexicon);

/** The target: 80% agreement with the labelled sets. */
const MIN_AGREEMENT = 0.8;

function agreement(set: LabelledSentence[], language: 'en' | 'zh') {
  return set.filter(({ text, expected }) => analyzer.analyse(text, language).emotion === expected).length / set.length;
}

describe('emotion from words', () => {
  it('has at least 40 labelled sentences per language, every label present', () => {
    for (const set of [ENGLISH_EMOTION_SET, CHINESE_EMOTION_SET]) {
      expect(set.length).toBeGreaterThanOrEqual(40);
      expect(new Set(set.map((item) => item.expected))).toEqual(new Set(EMOTION_LABELS));
    }
  });

  it('has the Chinese lexicon that setup makes (scripts/fetch-zh-lexicon.sh)', () => {
    expect(lexicon, `missing ${LEXICON}`).not.toBeNull();
  });

  it(`agrees with the English set at least ${MIN_AGREEMENT * 100}%`, () => {
    expect(agreement(ENGLISH_EMOTION_SET, 'en')).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  });

  it(`agrees with the Chinese set at least ${MIN_AGREEMENT * 100}%`, () => {
    expect(agreement(CHINESE_EMOTION_SET, 'zh')).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  });

  it('detects the language when asked for auto', () => {
    expect(detectTextLanguage('We agreed to ship on Friday.')).toBe('en');
    expect(detectTextLanguage('我们决定周五发布 v2。')).toBe('zh');
    expect(analyzer.analyse('我很生气').language).toBe('zh');
  });

  it('turns a negated keyword around', () => {
    expect(analyzer.analyse('I am happy with it.').emotion).toBe('joy');
    expect(analyzer.analyse('I am not happy with it at all.').emotion).toBe('sadness');
    expect(analyzer.analyse('I am not worried about the launch.').emotion).not.toBe('fear');
    expect(analyzer.analyse('我很担心。', 'zh').emotion).toBe('fear');
    expect(analyzer.analyse('我不担心。', 'zh').emotion).not.toBe('fear');
  });

  it('gives shares that sum to one, a confidence no higher than the winner share (and never certainty), and names its method', () => {
    const result = analyzer.analyse('This is fantastic, congratulations!');
    const total = EMOTION_LABELS.reduce((sum, label) => sum + result.emotions[label], 0);
    expect(total).toBeCloseTo(1, 2);
    expect(result.confidence).toBeLessThanOrEqual(result.emotions[result.emotion]);
    expect(result.confidence).toBeLessThan(1);
    // Nothing emotional said: neutral, but only half sure.
    expect(analyzer.analyse('The file is in the folder.')).toMatchObject({ emotion: 'neutral', confidence: 0.5 });
    expect(result.method).toMatch(/VADER/);
    expect(analyzer.analyse('太好了', 'zh').method).toMatch(/DUTIR/);
  });

  it('stays neutral without evidence', () => {
    expect(analyzer.analyse('The file is in the shared folder.').emotion).toBe('neutral');
    expect(analyzer.analyse('文件在共享文件夹里。', 'zh').emotion).toBe('neutral');
  });
});

describe('Chinese without the lexicon file', () => {
  it('falls back to the keyword map and says so', () => {
    const bare = new TextEmotionAnalyzer(null);
    const result = bare.analyse('我非常生气', 'zh');
    expect(result.emotion).toBe('anger');
    expect(result.method).toMatch(/lexicon not installed/);
  });
});
