import type { Caption, CaptionsStatus } from '@meetai/shared';

/** A caption as the room keeps it: the server's line plus when we last heard of it (our clock). */
export interface CaptionLine extends Caption {
  receivedAt: number;
}

/** Finals kept for the live transcript panel; the saved transcript has the rest. */
export const MAX_FINAL_CAPTIONS = 500;
/**
 * Interims normally end in their final; a speaker who drops mid-sentence leaves
 * one behind, so a few at most are kept.
 */
export const MAX_INTERIM_CAPTIONS = 12;

/**
 * Upserts by id, in spoken order (by start time: with several speakers a late
 * final can arrive after a later utterance's first interim). A final is never
 * replaced by a late interim of the same utterance; a final with no words
 * (the engine heard nothing) removes its line.
 */
export function upsertCaption(lines: CaptionLine[], caption: Caption, receivedAt: number): CaptionLine[] {
  const line: CaptionLine = { ...caption, receivedAt };
  const index = lines.findIndex((existing) => existing.id === caption.id);
  const isEmptyFinal = caption.isFinal && caption.text.trim() === '';
  if (index < 0) {
    if (isEmptyFinal) return lines;
    const before = lines.findIndex((existing) => existing.startMs > caption.startMs);
    return bound(before < 0 ? [...lines, line] : [...lines.slice(0, before), line, ...lines.slice(before)]);
  }
  if (lines[index]?.isFinal && !caption.isFinal) return lines;
  if (isEmptyFinal) return lines.filter((_, i) => i !== index);
  const next = [...lines];
  next[index] = line;
  return bound(next);
}

/** Drops the oldest finals beyond MAX_FINAL_CAPTIONS and the oldest interims beyond MAX_INTERIM_CAPTIONS. */
function bound(lines: CaptionLine[]): CaptionLine[] {
  let finals = 0;
  let interims = 0;
  for (const line of lines) {
    if (line.isFinal) finals++;
    else interims++;
  }
  let extraFinals = Math.max(0, finals - MAX_FINAL_CAPTIONS);
  let extraInterims = Math.max(0, interims - MAX_INTERIM_CAPTIONS);
  if (!extraFinals && !extraInterims) return lines;
  return lines.filter((line) => {
    if (line.isFinal && extraFinals > 0) return extraFinals-- <= 0;
    if (!line.isFinal && extraInterims > 0) return extraInterims-- <= 0;
    return true;
  });
}

/** Unfinished lines that will get no final: their speaker left, or captions stopped. */
export function dropInterims(lines: CaptionLine[], peerId?: string): CaptionLine[] {
  const kept = lines.filter((line) => line.isFinal || (peerId !== undefined && line.peerId !== peerId));
  return kept.length === lines.length ? lines : kept;
}

/** Captions are being produced (possibly late): the room is being transcribed on the server. */
export function isTranscribing(status: CaptionsStatus | null): boolean {
  return status !== null && status.enabled && (status.state === 'active' || status.state === 'delayed');
}
