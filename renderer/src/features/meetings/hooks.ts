import type { Meeting } from '@meetai/shared';
import { useCallback, useEffect, useState } from 'react';
import { meetingsApi } from './api';
import { useMeetingsStore } from './store';

export interface MeetingQuery {
  meeting: Meeting | null;
  error: unknown;
  isLoading: boolean;
  reload(): void;
}

export interface MeetingQueryOptions {
  /** Fetch only when the store has no copy (the room, which the lobby's join just gave a fresh one). */
  onlyIfMissing?: boolean;
}

/** A meeting by id: what the store already knows at once, then the server's current copy. */
export function useMeeting(id: number | null, { onlyIfMissing = false }: MeetingQueryOptions = {}): MeetingQuery {
  const meeting = useMeetingsStore((s) => (id === null ? null : (s.byId[id] ?? null)));
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
    if (onlyIfMissing && attempt === 0 && useMeetingsStore.getState().byId[id]) {
      setIsLoading(false);
      return;
    }
    let isCurrent = true;
    setIsLoading(true);
    setError(null);
    meetingsApi
      .get(id)
      .then((fresh) => isCurrent && useMeetingsStore.getState().upsertMeeting(fresh))
      .catch((failure: unknown) => isCurrent && setError(failure))
      .finally(() => isCurrent && setIsLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [id, attempt, onlyIfMissing]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { meeting, error, isLoading, reload };
}

/** Route params arrive as text; anything but a positive integer is no meeting at all. */
export function parseMeetingId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}
