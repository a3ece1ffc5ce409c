import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import type { Product, StockLine } from '../../api/types.ts';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import type { Page } from '../../components/list-state.ts';
import { formatNumber } from '../../format.ts';
import { type Line, newLine, units } from './lines.ts';

const lineKey = (l: { gtin: string; lot: string }) => `${l.gtin.padStart(14, '0')} ${l.lot}`;

/** What is left of a lot, in words: "950 kg". */
function leftOf(line: StockLine | undefined, t: (key: string) => string) {
  return (line?.available ?? []).map((a) => `${formatNumber(a.quantity)} ${t(`unit.${a.unit}`)}`).join(', ');
}

/**
 * Picks a lot the organisation holds (searched by lot number, GTIN or product name), showing what is left of each:
 * shipping, selling and processing take from these, so a mistyped lot number cannot start a new empty lot.
 */
function StockSelect({
  organisationId,
  value,
  error,
  onPick,
}: {
  organisationId?: string;
  value: string;
  error?: React.ReactNode;
  onPick(line: StockLine | undefined): void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const stock = useQuery({
    queryKey: ['/api/stock', q, organisationId],
    queryFn: () => get<Page<StockLine>>('/api/stock', { q: q || undefined, pageSize: 50, organisationId }),
  });
  const rows = stock.data?.items ?? [];
  return (
    <Select
      label={t('stage.pickLot')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={rows.map((r) => ({
        value: lineKey(r),
        label: `${r.lot} — ${r.productName ?? r.gtin} (${t('stage.left')}: ${leftOf(r, t)})`,
      }))}
      value={value || null}
      onChange={(v) => onPick(rows.find((r) => lineKey(r) === v))}
      error={error}
      nothingFoundMessage={stock.isPending ? t('common.loading') : t('stage.noStock')}
    />
  );
}

/**
 * A list of lot quantities (GTIN + lot + quantity + unit): inputs, outputs or the items of a shipment. From
 * `stock`, the lots are picked among those the organisation holds, with what is left shown beside the quantity.
 */
export function LotQuantities({
  form,
  path,
  label,
  min = 1,
  stock,
  organisationId,
}: {
  form: UseFormReturnType<any>;
  path: string;
  label: string;
  min?: number;
  stock?: boolean;
  organisationId?: string;
}) {
  const { t } = useTranslation();
  const lines: Line[] = form.getValues()[path] ?? [];
  const [picked, setPicked] = useState<Record<string, StockLine | undefined>>({});
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {lines.map((line, index) => (
        <Group key={line.key} align="flex-end" gap="xs" wrap="wrap">
          {stock ? (
            <div style={{ flex: '3 1 320px' }}>
              <StockSelect
                organisationId={organisationId}
                value={line.gtin && line.lot ? lineKey(line) : ''}
                error={form.errors[`${path}.${index}.gtin`] ?? form.errors[`${path}.${index}.lot`]}
                onPick={(row) => {
                  setPicked((p) => ({ ...p, [line.key]: row }));
                  form.setFieldValue(`${path}.${index}.gtin`, row?.gtin ?? '');
                  form.setFieldValue(`${path}.${index}.lot`, row?.lot ?? '');
                  if (row?.available[0]) form.setFieldValue(`${path}.${index}.unit`, row.available[0].unit);
                }}
              />
            </div>
          ) : (
            <>
              <div style={{ flex: '2 1 220px' }}>
                <EntitySelect<Product>
                  label={t('lot.product')}
                  required
                  path="/api/products"
                  option={(p) => ({ value: p.gtin, label: `${p.name} (${p.gtin})` })}
                  {...form.getInputProps(`${path}.${index}.gtin`)}
                />
              </div>
              <TextInput
                style={{ flex: '1 1 120px' }}
                label={t('lot.lot')}
                required
                {...form.getInputProps(`${path}.${index}.lot`)}
              />
            </>
          )}
          <NumberInput
            style={{ flex: '1 1 100px' }}
            label={t('lot.quantity')}
            description={
              stock && picked[line.key] ? `${t('stage.left')}: ${leftOf(picked[line.key], t)}` : undefined
            }
            required
            min={0}
            {...form.getInputProps(`${path}.${index}.quantity`)}
          />
          <Select
            style={{ flex: '0 1 120px' }}
            label={t('stage.unit')}
            allowDeselect={false}
            data={units.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
            {...form.getInputProps(`${path}.${index}.unit`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('common.delete')}
            disabled={lines.length <= min}
            onClick={() => form.removeListItem(path, index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => form.insertListItem(path, newLine())}
      >
        {t('stage.addLine')}
      </Button>
    </Stack>
  );
}
