import type { CaptionLine } from '../../room/caption-lines';

/** Lines whose text or speaker contains every word of the query, ignoring case. */
export function filterCaptions(lines: CaptionLine[], query: string): CaptionLine[] {
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return lines;
  return lines.filter((line) => {
    const haystack = `${line.displayName} ${line.text}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The finished lines as plain text for the clipboard: `[09:01] Wang Fang: the quick brown fox`. */
export function captionsToText(lines: CaptionLine[], timeOf: (line: CaptionLine) => string): string {
  return lines.map((line) => `[${timeOf(line)}] ${line.displayName}: ${line.text}`).join('\n');
}
