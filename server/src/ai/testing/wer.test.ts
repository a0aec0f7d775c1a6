import { describe, expect, it } from 'vitest';
import { normalizeWords, wordErrorRate, wordErrors } from './wer';

describe('wordErrorRate', () => {
  it('is 0 for the same words whatever the case and punctuation', () => {
    expect(wordErrorRate('He was not an ill-disposed young man.', 'he was not an ill disposed young man')).toBe(0);
  });

  it('counts substitutions, deletions and insertions over the reference length', () => {
    expect(wordErrors('he was not an ill disposed young man', 'he was not until exposed young man')).toEqual({
      errors: 3,
      referenceWords: 8,
    });
    expect(wordErrorRate('a b c d', 'a c d')).toBe(0.25);
    expect(wordErrorRate('a b', 'a x b y z')).toBe(1.5);
  });

  it('handles empty texts', () => {
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('', 'noise')).toBe(1);
    expect(wordErrorRate('two words', '')).toBe(1);
  });

  it('keeps apostrophes inside words and counts Chinese characters one by one', () => {
    expect(normalizeWords("Don't 'quote' me")).toEqual(["don't", 'quote', 'me']);
    expect(normalizeWords('今天开会，好吗？OK')).toEqual(['今', '天', '开', '会', '好', '吗', 'ok']);
    expect(wordErrorRate('今天下午开会', '今天上午开会')).toBeCloseTo(1 / 6);
  });
});
