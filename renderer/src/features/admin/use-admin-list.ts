import { useCallback, useEffect, useState } from 'react';
import type { AdminListQuery } from '@meetai/shared';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 250;

type Page<T> = { list: T[]; total: number; page: number; total_pages: number };

/**
 * A searchable, paged admin table: the search is sent after typing pauses
 * (and goes back to page 1), `reload` fetches the current page again after an
 * action, and an answer that arrives after a newer request is dropped.
 */
export function useAdminList<T>(fetchPage: (query: AdminListQuery) => Promise<Page<T>>) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<AdminListQuery>({ page: 1, page_size: PAGE_SIZE });
  const [data, setData] = useState<Page<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const q = search.trim() || undefined;
      setQuery((current) => (current.q === q ? current : { ...current, q, page: 1 }));
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    fetchPage(query).then(
      (page) => {
        if (!isCurrent) return;
        setData(page);
        setError(null);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setError(failure);
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [fetchPage, query, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const goTo = useCallback((page: number) => setQuery((current) => ({ ...current, page })), []);
  return { search, setSearch, query, data, error, isLoading, reload, goTo };
}
