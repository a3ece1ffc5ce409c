import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
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
  const [q] = useDebouncedValue(search, 300);
  const list = useQuery({
    queryKey: [path, 'options', q, query],
    queryFn: () => get<Page<T>>(path, { q: q || undefined, pageSize: 50, ...query }),
  });
  return { search, setSearch, data: (list.data?.items ?? []).map(option), loading: list.isPending };
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
