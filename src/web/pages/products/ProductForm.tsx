import {
  Badge,
  Group,
  Input,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { type Product, riskTiers, sectors } from '../../api/types.ts';
import { OrganisationPicker } from '../../components/acting-organisation.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ImageUpload } from '../../components/ImageUpload.tsx';
import { compact, enumOptions } from '../../components/options.ts';
import { ApprovalNeedsSummary, useApprovalNeeds } from '../review/ApprovalNeeds.tsx';

export const emptyProduct = {
  organisationId: '',
  gtin: '',
  name: '',
  description: '',
  images: [] as string[],
  brand: '',
  modelCode: '',
  productGroup: '',
  sector: '',
  unit: '',
  netQuantity: '' as number | string,
  netQuantityUnit: '',
  shelfLifeDays: '' as number | string,
  appliedStandards: '',
  conformityDeclaration: '',
  riskTier: '',
  ocopStars: '',
  ocopDecision: '',
  ocopDecisionDate: '',
  ocopValidUntil: '',
  geographicalIndication: '',
  certificationMark: '',
};
export type ProductValues = typeof emptyProduct;

export function productValues(p: Product): ProductValues {
  const text = (x: string | null) => x ?? '';
  return {
    ...emptyProduct,
    organisationId: p.organisationId,
    gtin: p.gtin,
    name: p.name,
    description: text(p.description),
    images: p.images,
    brand: text(p.brand),
    modelCode: text(p.modelCode),
    productGroup: text(p.productGroup),
    sector: text(p.sector),
    unit: text(p.unit),
    netQuantity: p.netQuantity ?? '',
    netQuantityUnit: text(p.netQuantityUnit),
    shelfLifeDays: p.shelfLifeDays ?? '',
    appliedStandards: p.appliedStandards.join('\n'),
    conformityDeclaration: text(p.conformityDeclaration),
    riskTier: text(p.riskTier),
    ocopStars: p.ocop ? String(p.ocop.stars) : '',
    ocopDecision: p.ocop?.decision ?? '',
    ocopDecisionDate: p.ocop?.decisionDate ?? '',
    ocopValidUntil: p.ocop?.validUntil ?? '',
    geographicalIndication: text(p.geographicalIndication),
    certificationMark: text(p.certificationMark),
  };
}

export function productBody(v: ProductValues, creating: boolean) {
  const { organisationId, gtin, images, netQuantity, shelfLifeDays, appliedStandards, ocopStars, ...rest } =
    v;
  return {
    ...compact(rest),
    ...(creating ? { organisationId, gtin: gtin.trim() } : {}),
    images,
    netQuantity: netQuantity === '' ? undefined : Number(netQuantity),
    shelfLifeDays: shelfLifeDays === '' ? undefined : Number(shelfLifeDays),
    ocopStars: ocopStars ? Number(ocopStars) : undefined,
    appliedStandards: appliedStandards
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function ProductForm({
  form,
  productId,
}: {
  form: UseFormReturnType<ProductValues>;
  /** The product being edited; none while creating. */
  productId?: string;
}) {
  const creating = !productId;
  const { t } = useTranslation();
  const v = form.values;
  // what approval will check, marked beside the fields and summed up live below the form
  const { needs, mark } = useApprovalNeeds('product', v);
  return (
    <Stack>
      {creating ? (
        <OrganisationPicker
          value={v.organisationId}
          onChange={(id) => form.setFieldValue('organisationId', id)}
          error={form.errors.organisationId}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('product.gtin')}
          description={t('product.gtinHint')}
          required
          disabled={!creating}
          inputMode="numeric"
          {...form.getInputProps('gtin')}
        />
        <TextInput label={mark(t('product.name'), 'name')} required {...form.getInputProps('name')} />
        <TextInput label={mark(t('product.brand'), 'brand')} {...form.getInputProps('brand')} />
        <TextInput label={mark(t('product.modelCode'), 'modelCode')} {...form.getInputProps('modelCode')} />
        <TextInput label={t('product.productGroup')} {...form.getInputProps('productGroup')} />
        <Select
          label={t('organisation.sector')}
          clearable
          data={enumOptions(t, 'sector', sectors)}
          {...form.getInputProps('sector')}
        />
        <TextInput
          label={t('product.unit')}
          description={t('product.unitHint')}
          {...form.getInputProps('unit')}
        />
        <Group grow gap="xs" align="flex-start">
          <NumberInput label={t('product.netQuantity')} min={0} {...form.getInputProps('netQuantity')} />
          <TextInput label={t('product.netQuantityUnit')} {...form.getInputProps('netQuantityUnit')} />
        </Group>
        <NumberInput
          label={mark(t('product.shelfLifeDays'), 'shelfLifeDays')}
          min={1}
          {...form.getInputProps('shelfLifeDays')}
        />
        <Select
          label={t('product.riskTier')}
          clearable
          data={enumOptions(t, 'riskTier', riskTiers)}
          {...form.getInputProps('riskTier')}
        />
      </SimpleGrid>
      <Textarea
        label={t('product.description')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <ImageUpload
        label={mark(t('product.images'), 'images')}
        organisationId={v.organisationId}
        value={v.images}
        onChange={(urls) => form.setFieldValue('images', urls)}
        error={form.errors.images}
      />
      <Textarea
        label={mark(t('product.appliedStandards'), 'appliedStandards')}
        description={t('product.appliedStandardsHint')}
        autosize
        minRows={2}
        {...form.getInputProps('appliedStandards')}
      />
      <TextInput
        label={t('product.conformityDeclaration')}
        {...form.getInputProps('conformityDeclaration')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('product.ocopStars')}
          clearable
          data={['3', '4', '5'].map((s) => ({ value: s, label: `${s} ★` }))}
          {...form.getInputProps('ocopStars')}
        />
        <TextInput label={t('product.ocopDecision')} {...form.getInputProps('ocopDecision')} />
        <DateField label={t('product.ocopDecisionDate')} {...form.getInputProps('ocopDecisionDate')} />
        <DateField label={t('product.ocopValidUntil')} {...form.getInputProps('ocopValidUntil')} />
        <TextInput
          label={t('product.geographicalIndication')}
          {...form.getInputProps('geographicalIndication')}
        />
        <TextInput label={t('product.certificationMark')} {...form.getInputProps('certificationMark')} />
      </SimpleGrid>
      {productId ? <ListMemberships productId={productId} /> : null}
      <ApprovalNeedsSummary needs={needs} values={v} />
    </Stack>
  );
}

type Membership = { listId: string; title: string; kind: 'mandatory' | 'priority' };

/** The lists in force that name the product: set by the sector departments' lists, read-only here. */
function ListMemberships({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { data } = useGet<{ items: Membership[] }>(`/api/catalogues/memberships/${productId}`);
  if (!data) return null;
  return (
    <Input.Wrapper label={t('product.lists')} description={t('product.listsHint')}>
      {data.items.length ? (
        <Group gap="xs" mt={4}>
          {data.items.map((m) => (
            <Badge
              key={m.listId}
              variant="light"
              color={m.kind === 'mandatory' ? 'orange' : 'teal'}
              tt="none"
            >
              {m.title}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          {t('product.listsNone')}
        </Text>
      )}
    </Input.Wrapper>
  );
}
