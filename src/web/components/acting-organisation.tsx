import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import { type Me, useMe } from '../api/session.ts';
import type { Organisation } from '../api/types.ts';
import type { Page } from './list-state.ts';

/** An organisation's people act for their own organisation; department staff pick one. */
export const ownOrganisation = (me: Me) => (me.organisationIds.length === 1 ? me.organisationIds[0] : null);

interface Props {
  value: string;
  onChange(value: string): void;
  error?: React.ReactNode;
  label?: string;
}

/** Shown to those who act for several organisations (staff, solution providers); hidden otherwise. */
export function OrganisationPicker({ value, onChange, error, label }: Props) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const list = useQuery({
    queryKey: ['/api/organisations', 'picker', q],
    queryFn: () => get<Page<Organisation>>('/api/organisations', { q: q || undefined, pageSize: 50 }),
    enabled: !ownOrganisation(me),
  });
  if (ownOrganisation(me)) return null;
  return (
    <Select
      label={label ?? t('organisation.acting')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={(list.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name} — ${o.taxCode ?? ''}` }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      nothingFoundMessage={t('table.noMatch')}
    />
  );
}
