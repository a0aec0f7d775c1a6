/**
 * Word error rate: the fewest word substitutions, insertions and deletions
 * that turn the hypothesis into the reference, over the reference's length.
 * Both texts are lowercased and stripped of punctuation first. Chinese
 * characters count one word each (there are no spaces to split on), which
 * makes it the character error rate usual for Chinese.
 */

export type WordErrors = { errors: number; referenceWords: number };

export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\p{Script=Han}]/gu, ' $& ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Errors and reference length, to add up over clips (an overall rate weights clips by length). */
export function wordErrors(reference: string, hypothesis: string): WordErrors {
  const ref = normalizeWords(reference);
  const hyp = normalizeWords(hypothesis);
  // One row of the Levenshtein table at a time.
  let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = previous[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return { errors: previous[hyp.length]!, referenceWords: ref.length };
}

/** 0 for a perfect match; may exceed 1 when the hypothesis adds many words. An empty reference gives 0 or 1. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const { errors, referenceWords } = wordErrors(reference, hypothesis);
  if (referenceWords === 0) return errors === 0 ? 0 : 1;
  return errors / referenceWords;
}
