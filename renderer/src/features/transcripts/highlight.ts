export interface TextSegment {
  text: string;
  isMatch: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into the parts that match a word of the search and the parts
 * between, ignoring case, so the page can mark what the server matched.
 */
export function highlightSegments(text: string, query: string): TextSegment[] {
  const words = query.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (!words.length || !text) return [{ text, isMatch: false }];
  // Longest first, so "budget" wins over "bud" where both match.
  words.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${words.join('|')})`, 'giu');
  // With one capture group, split puts the matches at the odd indices.
  return text
    .split(pattern)
    .map((part, index) => ({ text: part, isMatch: index % 2 === 1 }))
    .filter((segment) => segment.text !== '');
}
