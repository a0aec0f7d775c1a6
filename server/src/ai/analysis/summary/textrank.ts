import type { Sentence } from './sentences';

/**
 * TextRank (Mihalcea & Tarau, 2004) over sentences: an edge between two
 * sentences weighs their shared words over log|a| + log|b|; PageRank with
 * damping 0.85 until it settles. Overlaps come from an inverted index, so only
 * sentences that share a word are compared: an hour of meeting (~1,000
 * sentences) takes milliseconds, not a million comparisons.
 */
const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

export function textRank(sentences: Sentence[]): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const sets = sentences.map((sentence) => new Set(sentence.words));
  const index = new Map<string, number[]>();
  sets.forEach((words, i) => {
    for (const word of words) index.set(word, [...(index.get(word) ?? []), i]);
  });
  const edges: Array<Map<number, number>> = sets.map(() => new Map());
  sets.forEach((words, i) => {
    const shared = new Map<number, number>();
    for (const word of words) for (const j of index.get(word)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, overlap] of shared) {
      const norm = Math.log(words.size + 1) + Math.log(sets[j]!.size + 1);
      const weight = overlap / norm;
      edges[i]!.set(j, weight);
      edges[j]!.set(i, weight);
    }
  });
  const outWeight = edges.map((links) => [...links.values()].reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    let dangling = 0;
    scores.forEach((score, i) => {
      if (outWeight[i] === 0) dangling += score;
      else for (const [j, w] of edges[i]!) next[j]! += (DAMPING * score * w) / outWeight[i]!;
    });
    for (let j = 0; j < n; j++) next[j]! += (DAMPING * dangling) / n;
    const change = next.reduce((sum, value, i) => sum + Math.abs(value - scores[i]!), 0);
    scores = next;
    if (change < TOLERANCE) break;
  }
  return scores;
}
