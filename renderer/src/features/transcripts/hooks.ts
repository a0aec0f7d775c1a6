import { useCallback, useEffect, useRef, useState } from 'react';
import type { AiInfo, TranscriptLine } from '@meetai/shared';
import { transcriptsApi } from './api';

export const TRANSCRIPT_PAGE_SIZE = 100;
/** Typing pauses this long before the server is asked to search. */
export const SEARCH_DEBOUNCE_MS = 300;

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export interface TranscriptView {
  lines: TranscriptLine[];
  /** Lines the server has for this search (or in all). */
  total: number;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

interface Loaded {
  lines: TranscriptLine[];
  total: number;
  page: number;
  totalPages: number;
}

/**
 * A meeting's saved transcript, searched on the server (`q`), a page at a
 * time: a new search starts from the first page, "load more" appends the next.
 * Answers to a search the user has since replaced are dropped.
 */
export function useTranscript(meetingId: number | null, query: string): TranscriptView {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const q = query.trim() || undefined;

  useEffect(() => {
    if (meetingId === null) return;
    const current = ++generation.current;
    setLoaded(null);
    setError(null);
    setIsLoadingMore(false);
    transcriptsApi
      .page(meetingId, { page: 1, pageSize: TRANSCRIPT_PAGE_SIZE, q })
      .then((page) => {
        if (current !== generation.current) return;
        setLoaded({ lines: page.list, total: page.total, page: page.page, totalPages: page.total_pages });
      })
      .catch((failure: unknown) => current === generation.current && setError(failure));
  }, [meetingId, q, attempt]);

  const loadMore = useCallback(() => {
    if (meetingId === null || !loaded || loaded.page >= loaded.totalPages || isLoadingMore) return;
    const current = generation.current;
    setIsLoadingMore(true);
    transcriptsApi
      .page(meetingId, { page: loaded.page + 1, pageSize: TRANSCRIPT_PAGE_SIZE, q })
      .then((page) => {
        if (current !== generation.current) return;
        setLoaded((before) => {
          if (!before) return before;
          // Lines may have been added since the first page: never show one twice.
          const seen = new Set(before.lines.map((line) => line.id));
          const added = page.list.filter((line) => !seen.has(line.id));
          return {
            lines: [...before.lines, ...added],
            total: page.total,
            page: page.page,
            totalPages: page.total_pages,
          };
        });
      })
      .catch((failure: unknown) => current === generation.current && setError(failure))
      .finally(() => current === generation.current && setIsLoadingMore(false));
  }, [meetingId, loaded, q, isLoadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    lines: loaded?.lines ?? [],
    total: loaded?.total ?? 0,
    status: error && !loaded ? 'error' : loaded ? 'ready' : 'loading',
    error,
    hasMore: loaded !== null && loaded.page < loaded.totalPages,
    isLoadingMore,
    loadMore,
    reload,
  };
}

/** What produces captions on this server; null until known, or if the server will not say. */
export function useAiInfo(): AiInfo | null {
  const [info, setInfo] = useState<AiInfo | null>(null);
  useEffect(() => {
    let isCurrent = true;
    transcriptsApi
      .aiInfo()
      .then((answer) => isCurrent && setInfo(answer))
      // Only a footnote: the page works without it.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  return info;
}
