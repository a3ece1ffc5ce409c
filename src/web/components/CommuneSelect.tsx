import { Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import type { AdministrativeUnit } from '../api/types.ts';

interface Props {
  label: React.ReactNode;
  value?: string;
  onChange(value: string): void;
  error?: React.ReactNode;
  required?: boolean;
}

/** The province's communes and wards (as reorganised in 2025), searchable; a plain code field if the list is unavailable. */
export function CommuneSelect({ label, value, onChange, error, required }: Props) {
  const { t } = useTranslation();
  const units = useQuery({
    queryKey: ['/api/administrative-units'],
    queryFn: () => get<{ units: AdministrativeUnit[] } | AdministrativeUnit[]>('/api/administrative-units'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const list = Array.isArray(units.data) ? units.data : (units.data?.units ?? []);
  if (units.isError || (units.isSuccess && list.length === 0))
    return (
      <TextInput
        label={label}
        description={t('organisation.communeCodeHint')}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        required={required}
      />
    );
  return (
    <Select
      label={label}
      searchable
      required={required}
      data={list.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      nothingFoundMessage={t('table.noMatch')}
      disabled={units.isPending}
    />
  );
}
