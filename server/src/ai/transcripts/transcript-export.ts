import type { MeetingSummary, TranscriptExportFormat, TranscriptLine } from '@meetai/shared';

export type TranscriptFile = { body: string; contentType: string; extension: string };

/**
 * Renders a meeting's transcript in one of the export formats. Times are offsets from the first line. The
 * summary (when there is one) heads the text export and is a field of the JSON; subtitles carry only speech.
 */
export function renderTranscript(
  format: TranscriptExportFormat,
  meeting: { id: number; title: string; code: string },
  lines: TranscriptLine[],
  summary?: MeetingSummary,
): TranscriptFile {
  switch (format) {
    case 'txt':
      return {
        body: renderText(meeting.title, lines, summary),
        contentType: 'text/plain; charset=utf-8',
        extension: 'txt',
      };
    case 'srt':
      return { body: renderCues(lines, ','), contentType: 'application/x-subrip; charset=utf-8', extension: 'srt' };
    case 'vtt':
      return { body: `WEBVTT\n\n${renderCues(lines, '.')}`, contentType: 'text/vtt; charset=utf-8', extension: 'vtt' };
    case 'json':
      return {
        body: `${JSON.stringify({ meeting, summary: summary ?? null, lines }, null, 2)}\n`,
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
      };
  }
}

function renderText(title: string, lines: TranscriptLine[], summary?: MeetingSummary): string {
  const body = lines.map((line) => `[${clock(line.offset_ms, null)}] ${line.speaker_name}: ${line.text}`);
  return `${title}\n\n${summary ? renderSummary(summary) : ''}${body.join('\n')}\n`;
}

/** Summary and items first, each item with the time of the line it comes from. */
function renderSummary(summary: MeetingSummary): string {
  const items = summary.action_items.map((item) => {
    const detail = [item.who && `who: ${item.who}`, item.when && `when: ${item.when}`].filter(Boolean).join(', ');
    return `- [${clock(item.offset_ms, null)}] ${item.kind === 'decision' ? 'Decision' : 'Action'}: ${item.text}${detail ? ` (${detail})` : ''}`;
  });
  const parts = [`Summary (${summary.method}):`, summary.summary, ''];
  if (items.length) parts.push('Decisions and action items:', ...items, '');
  return `${parts.join('\n')}\nTranscript:\n`;
}

/** SRT and WebVTT cues differ only in the millisecond separator and the numbering VTT does not need. */
function renderCues(lines: TranscriptLine[], msSeparator: ',' | '.'): string {
  return lines
    .map((line, index) => {
      const start = line.offset_ms;
      const end = Math.max(start + 1, start + Date.parse(line.end_at) - Date.parse(line.start_at));
      const timing = `${clock(start, msSeparator)} --> ${clock(end, msSeparator)}`;
      const number = msSeparator === ',' ? `${index + 1}\n` : '';
      return `${number}${timing}\n${line.speaker_name}: ${line.text}\n`;
    })
    .join('\n');
}

/** `hh:mm:ss` (text) or `hh:mm:ss,mmm` / `hh:mm:ss.mmm` (cues). */
function clock(ms: number, msSeparator: ',' | '.' | null): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const base = `${pad(h)}:${pad(m)}:${pad(s)}`;
  return msSeparator === null ? base : `${base}${msSeparator}${pad(ms % 1000, 3)}`;
}

/** A file name safe on every OS: the meeting code and the format. */
export function exportFileName(meeting: { code: string }, extension: string): string {
  return `transcript-${meeting.code}.${extension}`;
}
