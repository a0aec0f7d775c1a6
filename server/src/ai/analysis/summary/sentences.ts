/**
 * Sentences and their content words, for the summarizer. English: split after
 * . ! ? and at line ends; words lower-cased, a short stop list removed, plural
 * and -ing/-ed endings cut. Chinese: split after 。！？； and at line ends;
 * words by `Intl.Segmenter('zh')`, stop words and single-character function
 * words removed.
 */
export type SummaryLanguage = 'en' | 'zh';

export type Sentence = {
  text: string;
  /** Which input line it came from (a transcript line, or a line of posted text). */
  line: number;
  words: string[];
};

const ENGLISH_STOP = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as is are was were be been being it its this that ' +
    'these those i you he she we they me him her us them my your his our their do does did have has had will would ' +
    'can could should shall may might must not no yes ok okay just very really also too there here what which who ' +
    'when where why how all any some more most other than up down out about into over again um uh yeah well like ' +
    'going get got go let lets let’s know think'
  ).split(' '),
);
const CHINESE_STOP = new Set(
  '的 了 是 我 你 他 她 它 我们 你们 他们 这 那 这个 那个 就 也 都 和 与 在 有 一下 一个 吧 呢 啊 吗 嗯 然后 还是 所以 因为 但是 如果 可以 会 要 对 把 被 给 很 还 又 再 已经 没有 不 上 下 中 里 说 看 做'.split(
    ' ',
  ),
);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function splitSentences(lines: string[], language: SummaryLanguage): Sentence[] {
  const boundary = language === 'zh' ? /(?<=[。！？；!?;])/u : /(?<=[.!?])\s+/u;
  return lines.flatMap((line, index) =>
    line
      .split(boundary)
      .map((text) => text.trim())
      .filter((text) => /[\p{L}\p{N}]/u.test(text))
      .map((text) => ({ text, line: index, words: contentWords(text, language) })),
  );
}

export function contentWords(text: string, language: SummaryLanguage): string[] {
  if (language === 'zh') {
    return [...segmenter.segment(text)]
      .filter((part) => part.isWordLike && !CHINESE_STOP.has(part.segment))
      .map((part) => part.segment)
      .filter((word) => word.length > 1 || /\p{N}/u.test(word));
  }
  return (text.toLowerCase().match(/[a-z0-9']+/g) ?? [])
    .filter((word) => !ENGLISH_STOP.has(word) && word.length > 1)
    .map(stem);
}

/** A light stemmer: enough that "decide", "decided" and "decides" meet. */
function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}
