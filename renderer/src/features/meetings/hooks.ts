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

/** A meeting by id: what the store already knows at once, then the server's current copy. */
export function useMeeting(id: number | null): MeetingQuery {
  const meeting = useMeetingsStore((s) => (id === null ? null : (s.byId[id] ?? null)));
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
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
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { meeting, error, isLoading, reload };
}

/** Route params arrive as text; anything but a positive integer is no meeting at all. */
export function parseMeetingId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}
