import type { Sentence } from './sentences';

/**
 * TextRank (Mihalcea & Tarau, 2004) over sentences: an edge between two
 * sentences weighs their shared words over log|a| + log|b|; PageRank with
 * damping 0.85 until it settles. Overlaps come from an inverted index, so only
 * sentences that share a word are compared: an hour of meeting (~1,000
 * sentences) need not compare every pair.
 */
const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;
const MAX_SPREAD_SHARE = 0.2;
/** Short texts keep every word: in ten sentences, a word in three is still telling. */
const MIN_SPREAD = 10;

export function textRank(sentences: Sentence[]): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const sets = sentences.map((sentence) => new Set(sentence.words));
  const index = new Map<string, number[]>();
  sets.forEach((words, i) => {
    for (const word of words) {
      const holders = index.get(word);
      if (holders) holders.push(i);
      else index.set(word, [i]);
    }
  });
  // A word in more than a fifth of the sentences (the meeting's topic, a filler) links nearly every pair
  // and ranks nothing: left out of the links, as stop words are, so a long meeting is no dense graph.
  const maxSpread = Math.max(MIN_SPREAD, Math.ceil(n * MAX_SPREAD_SHARE));
  const edges: Array<Map<number, number>> = sets.map(() => new Map());
  sets.forEach((words, i) => {
    const shared = new Map<number, number>();
    for (const word of words) {
      const holders = index.get(word)!;
      if (holders.length > maxSpread) continue;
      for (const j of holders) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, overlap] of shared) {
      const norm = Math.log(words.size + 1) + Math.log(sets[j]!.size + 1);
      const weight = overlap / norm;
      edges[i]!.set(j, weight);
      edges[j]!.set(i, weight);
    }
  });
  // Links as flat arrays (compressed rows): PageRank walks them a few dozen times.
  const offsets = new Int32Array(n + 1);
  edges.forEach((links, i) => (offsets[i + 1] = offsets[i]! + links.size));
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  const outWeight = new Float64Array(n);
  edges.forEach((links, i) => {
    let at = offsets[i]!;
    for (const [j, w] of links) {
      targets[at] = j;
      weights[at++] = w;
      outWeight[i] += w;
    }
  });
  let scores = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Float64Array(n).fill((1 - DAMPING) / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const score = scores[i]!;
      if (outWeight[i] === 0) {
        dangling += score;
        continue;
      }
      const share = (DAMPING * score) / outWeight[i]!;
      for (let at = offsets[i]!; at < offsets[i + 1]!; at++) next[targets[at]!] += share * weights[at]!;
    }
    let change = 0;
    for (let j = 0; j < n; j++) {
      next[j] += (DAMPING * dangling) / n;
      change += Math.abs(next[j]! - scores[j]!);
    }
    scores = next;
    if (change < TOLERANCE) break;
  }
  return [...scores];
}
