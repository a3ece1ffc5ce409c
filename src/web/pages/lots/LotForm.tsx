import { NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Location, Lot, Product } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { EntityMultiSelect, EntitySelect } from '../../components/EntitySelect.tsx';
import { compact } from '../../components/options.ts';
import { ApprovalNeedsSummary, useApprovalNeeds } from '../review/ApprovalNeeds.tsx';

export const emptyLot = {
  productId: '',
  lot: '',
  productionDate: '',
  expiryDate: '',
  quantity: '' as number | string,
  unit: '',
  locationId: '',
  inputLotIds: [] as string[],
};
export type LotValues = typeof emptyLot;

export const lotValues = (l: Lot): LotValues => ({
  productId: l.productId,
  lot: l.lot,
  productionDate: l.productionDate ?? '',
  expiryDate: l.expiryDate ?? '',
  quantity: l.quantity ?? '',
  unit: l.unit ?? '',
  locationId: l.locationId ?? '',
  inputLotIds: l.inputLotIds,
});

export function lotBody(v: LotValues, creating: boolean) {
  const { productId, lot, quantity, inputLotIds, ...rest } = v;
  return {
    ...compact(rest),
    ...(creating ? { productId, lot: lot.trim() } : {}),
    quantity: quantity === '' ? undefined : Number(quantity),
    inputLotIds,
  };
}

export function LotForm({ form, creating }: { form: UseFormReturnType<LotValues>; creating: boolean }) {
  const { t } = useTranslation();
  const { needs, mark } = useApprovalNeeds('lot', form.values);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {creating ? (
          <EntitySelect<Product>
            label={t('lot.product')}
            required
            path="/api/products"
            option={(p) => ({ value: p.id, label: `${p.name} (${p.gtin})` })}
            {...form.getInputProps('productId')}
          />
        ) : null}
        <TextInput
          label={t('lot.lot')}
          description={t('lot.lotHint')}
          required
          disabled={!creating}
          {...form.getInputProps('lot')}
        />
        <DateField
          label={mark(t('lot.productionDate'), 'productionDate')}
          {...form.getInputProps('productionDate')}
        />
        <DateField label={t('lot.expiryDate')} {...form.getInputProps('expiryDate')} />
        <NumberInput label={t('lot.quantity')} min={0} {...form.getInputProps('quantity')} />
        <TextInput label={t('product.unit')} {...form.getInputProps('unit')} />
        <EntitySelect<Location>
          label={mark(t('lot.location'), 'locationId')}
          path="/api/locations"
          option={(l) => ({ value: l.id, label: l.name })}
          {...form.getInputProps('locationId')}
        />
      </SimpleGrid>
      <EntityMultiSelect<Lot>
        label={mark(t('lot.inputLots'), 'inputLotIds')}
        description={t('lot.inputLotsHint')}
        path="/api/lots"
        option={(l) => ({ value: l.id, label: `${l.productName} — ${l.lot}` })}
        {...form.getInputProps('inputLotIds')}
      />
      <ApprovalNeedsSummary needs={needs} values={form.values} />
    </Stack>
  );
}
