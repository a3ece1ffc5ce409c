import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/** Paging, search, sort and filters of a server-side list (`?page&pageSize&q&sort=-field&…`). */
export interface ListState {
  page: number;
  q: string;
  sort: { key: string; desc: boolean } | null;
  filters: Record<string, string | null>;
}

export interface ListControl {
  state: ListState;
  setPage(page: number): void;
  setQ(q: string): void;
  setSort(sort: ListState['sort']): void;
  setFilter(key: string, value: string | null): void;
  /** Query parameters for the API, with the search debounced. */
  query: Record<string, string | number | undefined>;
}

export function useListState(
  pageSize = 20,
  initialFilters: Record<string, string | null> = {},
  initialQ = '',
): ListControl {
  const [state, setState] = useState<ListState>({
    page: 1,
    q: initialQ,
    sort: null,
    filters: initialFilters,
  });
  const [q] = useDebouncedValue(state.q, 300);
  const query: Record<string, string | number | undefined> = {
    page: state.page,
    pageSize,
    q: q.trim() || undefined,
    sort: state.sort ? `${state.sort.desc ? '-' : ''}${state.sort.key}` : undefined,
  };
  for (const [key, value] of Object.entries(state.filters)) if (value) query[key] = value;
  return {
    state,
    query,
    setPage: (page) => setState((s) => ({ ...s, page })),
    setQ: (value) => setState((s) => ({ ...s, q: value, page: 1 })),
    setSort: (sort) => setState((s) => ({ ...s, sort, page: 1 })),
    setFilter: (key, value) => setState((s) => ({ ...s, filters: { ...s.filters, [key]: value }, page: 1 })),
  };
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
