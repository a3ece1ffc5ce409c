import {
  Center,
  Group,
  Loader,
  Pagination,
  Select,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSearch, IconSelector } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListControl } from './list-state.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface Column<T> {
  key: string;
  header: string;
  render?: (row: T) => ReactNode;
  /** Value used to sort and search; the raw field by default. */
  value?: (row: T) => string | number | null | undefined;
  sortable?: boolean;
}

export interface Filter<T> {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  match?: (row: T, value: string) => boolean;
}

interface Props<T> {
  rows: T[] | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  filters?: Filter<T>[];
  emptyText?: string;
  pageSize?: number;
  caption: string;
  /** False when the list has no free-text search (the server's list takes no `q`). */
  searchable?: boolean;
  /** Server-side paging, search, sorting and filtering; without it all happens on the given rows. */
  server?: { control: ListControl; total: number };
}

const cell = <T,>(column: Column<T>, row: T) =>
  column.value ? column.value(row) : ((row as Record<string, unknown>)[column.key] as string | number | null);

/** A table with search, filters, sorting and pagination over the rows it is given. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  loading,
  error,
  filters = [],
  emptyText,
  pageSize = 20,
  caption,
  server,
  searchable = true,
}: Props<T>) {
  const { t } = useTranslation();
  const [local, setLocal] = useState<ListControl['state']>({ page: 1, q: '', sort: null, filters: {} });
  const state = server ? server.control.state : local;
  const search = state.q;
  const filterValues = state.filters;
  const sort = state.sort;
  const page = state.page;
  const setPage = (p: number) => (server ? server.control.setPage(p) : setLocal((s) => ({ ...s, page: p })));
  const setSearch = (q: string) =>
    server ? server.control.setQ(q) : setLocal((s) => ({ ...s, q, page: 1 }));
  const setFilter = (key: string, value: string | null) =>
    server
      ? server.control.setFilter(key, value)
      : setLocal((s) => ({ ...s, filters: { ...s.filters, [key]: value }, page: 1 }));
  const setSort = (next: ListControl['state']['sort']) =>
    server ? server.control.setSort(next) : setLocal((s) => ({ ...s, sort: next, page: 1 }));

  const visible = useMemo(() => {
    let list = rows ?? [];
    if (server) return list;
    const needle = search.trim().toLowerCase();
    if (needle) {
      list = list.filter((row) =>
        columns.some((c) =>
          String(cell(c, row) ?? '')
            .toLowerCase()
            .includes(needle),
        ),
      );
    }
    for (const f of filters) {
      const v = filterValues[f.key];
      if (v) list = list.filter((row) => (f.match ? f.match(row, v) : String((row as any)[f.key]) === v));
    }
    if (sort) {
      const column = columns.find((c) => c.key === sort.key);
      if (column) {
        list = [...list].sort((a, b) => {
          const x = cell(column, a) ?? '';
          const y = cell(column, b) ?? '';
          const order =
            typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
          return sort.desc ? -order : order;
        });
      }
    }
    return list;
  }, [rows, search, filters, filterValues, sort, columns, server]);

  const total = server ? server.total : visible.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  const pageRows = server ? visible : visible.slice((current - 1) * pageSize, current * pageSize);

  const toggleSort = (key: string) =>
    setSort(sort?.key === key ? (sort.desc ? null : { key, desc: true }) : { key, desc: false });

  return (
    <div>
      <Group mb="sm" gap="sm" wrap="wrap">
        {searchable ? (
          <TextInput
            aria-label={t('table.search')}
            placeholder={t('table.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 220px', maxWidth: 360 }}
          />
        ) : null}
        {filters.map((f) => (
          <Select
            key={f.key}
            aria-label={f.label}
            placeholder={f.label}
            data={f.options}
            value={filterValues[f.key] ?? null}
            onChange={(v) => setFilter(f.key, v)}
            clearable
            style={{ flex: '0 1 200px' }}
          />
        ))}
      </Group>
      {error ? <ProblemAlert error={error} /> : null}
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const sorted = sort?.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none';
                return (
                  <Table.Th key={c.key} aria-sort={c.sortable === false ? undefined : sorted}>
                    {c.sortable === false ? (
                      c.header
                    ) : (
                      <UnstyledButton onClick={() => toggleSort(c.key)} fw={600} fz="sm">
                        <Group gap={4} wrap="nowrap">
                          {c.header}
                          {sorted === 'ascending' ? (
                            <IconChevronUp size={14} aria-hidden />
                          ) : sorted === 'descending' ? (
                            <IconChevronDown size={14} aria-hidden />
                          ) : (
                            <IconSelector size={14} aria-hidden />
                          )}
                        </Group>
                      </UnstyledButton>
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pageRows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key}>{c.render ? c.render(row) : (cell(c, row) ?? '—')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : !error && visible.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">
            {rows?.length || search || Object.values(filterValues).some(Boolean)
              ? t('table.noMatch')
              : (emptyText ?? t('table.empty'))}
          </Text>
        </Center>
      ) : null}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {t('table.count', { count: total })}
        </Text>
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`table.${control}`) })}
          />
        ) : null}
      </Group>
    </div>
  );
}
