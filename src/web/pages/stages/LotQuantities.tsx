import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types.ts';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { type Line, newLine, units } from './lines.ts';

/** A list of lot quantities (GTIN + lot + quantity + unit): inputs, outputs or the items of a shipment. */
export function LotQuantities({
  form,
  path,
  label,
  min = 1,
}: {
  form: UseFormReturnType<any>;
  path: string;
  label: string;
  min?: number;
}) {
  const { t } = useTranslation();
  const lines: Line[] = form.getValues()[path] ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {lines.map((line, index) => (
        <Group key={line.key} align="flex-end" gap="xs" wrap="wrap">
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
          <NumberInput
            style={{ flex: '1 1 100px' }}
            label={t('lot.quantity')}
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
