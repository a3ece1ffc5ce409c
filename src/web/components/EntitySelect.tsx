import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import type { Page } from './list-state.ts';

interface Common<T> {
  label: React.ReactNode;
  /** A registry list endpoint (`/api/products`), searched with `q`. */
  path: string;
  query?: Record<string, string | undefined>;
  option(row: T): { value: string; label: string };
  error?: React.ReactNode;
  required?: boolean;
  description?: string;
}

function useOptions<T>(
  path: string,
  query: Record<string, string | undefined> | undefined,
  option: (row: T) => { value: string; label: string },
) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  // The select writes the chosen option's label into the search box: that is the choice shown, not a search (it
  // would match nothing and leave the list empty when the picker is opened again).
  const labels = useRef(new Set<string>());
  const q = debounced && !labels.current.has(debounced) ? debounced : undefined;
  const list = useQuery({
    queryKey: [path, 'options', q, query],
    queryFn: () => get<Page<T>>(path, { q, pageSize: 50, ...query }),
  });
  const data = (list.data?.items ?? []).map(option);
  for (const o of data) labels.current.add(o.label);
  return { search, setSearch, data, loading: list.isPending };
}

/** Picks one registry row by searching its list endpoint. */
export function EntitySelect<T>(props: Common<T> & { value?: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const { search, setSearch, data } = useOptions(props.path, props.query, props.option);
  return (
    <Select
      label={props.label}
      description={props.description}
      required={props.required}
      searchable
      clearable={!props.required}
      allowDeselect={!props.required}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      error={props.error}
      nothingFoundMessage={t('table.noMatch')}
    />
  );
}

export function EntityMultiSelect<T>(
  props: Common<T> & { value?: string[]; onChange(value: string[]): void },
) {
  const { t } = useTranslation();
  const { search, setSearch, data } = useOptions(props.path, props.query, props.option);
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={props.value ?? []}
      onChange={props.onChange}
      error={props.error}
      nothingFoundMessage={t('table.noMatch')}
    />
  );
}
