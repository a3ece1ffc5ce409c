import {
  Button,
  Checkbox,
  FileButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api/files.ts';
import { OrganisationPicker } from '../../components/acting-organisation.tsx';
import { DateField } from '../../components/DateField.tsx';
import { enumOptions } from '../../components/options.ts';
import './words.ts';

export const systemKinds = ['software', 'stamps_service', 'paper', 'other'] as const;
export const principles = [
  'one_step_back_one_step_forward',
  'key_data_available',
  'transparency',
  'all_parties_take_part',
] as const;
export const dataItems = [
  'product_name',
  'product_image',
  'producer_name',
  'producer_address',
  'stages',
  'event_times',
  'traceability_code',
  'brand_model_serial',
  'shelf_life',
  'applied_standards',
] as const;
export const connections = ['none', 'manual_upload', 'api_key', 'epcis_capture'] as const;

export interface TraceabilitySystem {
  id: string;
  organisationId: string;
  name: string;
  provider: string | null;
  kind: (typeof systemKinds)[number];
  principles: string[];
  dataItems: string[];
  declaredConformity: 'full' | 'partial' | 'none';
  evidenceFileIds: string[];
  connection: (typeof connections)[number];
  inUseSince: string | null;
  declaredOn: string | null;
  organisationName: string;
  sector: string | null;
  communeName: string | null;
  observed: { apiKey: boolean; recentEvents: number; connected: boolean };
}

export const emptySystem = {
  organisationId: '',
  name: '',
  inHouse: 'provider' as 'provider' | 'in_house',
  provider: '',
  kind: 'software' as string,
  principles: [] as string[],
  dataItems: [] as string[],
  evidence: [] as { id: string; name: string }[],
  connection: 'none' as string,
  inUseSince: '',
  declaredOn: '',
};
export type SystemValues = typeof emptySystem;

export function systemValues(s: TraceabilitySystem): SystemValues {
  return {
    organisationId: s.organisationId,
    name: s.name,
    inHouse: s.provider ? 'provider' : 'in_house',
    provider: s.provider ?? '',
    kind: s.kind,
    principles: s.principles,
    dataItems: s.dataItems,
    evidence: s.evidenceFileIds.map((id, i) => ({ id, name: `#${i + 1}` })),
    connection: s.connection,
    inUseSince: s.inUseSince ?? '',
    declaredOn: s.declaredOn ?? '',
  };
}

export function systemBody(v: SystemValues) {
  return {
    name: v.name.trim(),
    provider: v.inHouse === 'provider' && v.provider.trim() ? v.provider.trim() : undefined,
    kind: v.kind,
    principles: v.principles,
    dataItems: v.dataItems,
    evidenceFileIds: v.evidence.map((f) => f.id),
    connection: v.connection,
    inUseSince: v.inUseSince || undefined,
    declaredOn: v.declaredOn || undefined,
  };
}

export function TraceabilitySystemForm({
  form,
  creating,
  onProblem,
}: {
  form: UseFormReturnType<SystemValues>;
  creating: boolean;
  onProblem(error: unknown): void;
}) {
  const { t } = useTranslation();
  const v = form.values;
  const [uploading, setUploading] = useState(false);
  const addEvidence = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadFile(file, v.organisationId || undefined);
      form.setFieldValue('evidence', [...v.evidence, { id: stored.id, name: file.name }]);
    } catch (error) {
      onProblem(error);
    } finally {
      setUploading(false);
    }
  };
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
        <TextInput label={t('tsystem.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('tsystem.kind')}
          allowDeselect={false}
          data={enumOptions(t, 'tsystemKind', systemKinds)}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('tsystem.madeBy')}
          allowDeselect={false}
          data={[
            { value: 'in_house', label: t('tsystem.inHouse') },
            { value: 'provider', label: t('tsystem.byProvider') },
          ]}
          {...form.getInputProps('inHouse')}
        />
        {v.inHouse === 'provider' ? (
          <TextInput label={t('tsystem.provider')} {...form.getInputProps('provider')} />
        ) : (
          <div />
        )}
      </SimpleGrid>
      <Checkbox.Group
        label={t('tsystem.principles')}
        description={t('tsystem.principlesHint')}
        {...form.getInputProps('principles')}
      >
        <Stack gap={4} mt={4}>
          {principles.map((p) => (
            <Checkbox key={p} value={p} label={t(`tsystemPrinciple.${p}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('tsystem.dataItems')}
        description={t('tsystem.dataItemsHint')}
        {...form.getInputProps('dataItems')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
          {dataItems.map((d, i) => (
            <Checkbox key={d} value={d} label={`${i + 1}. ${t(`tsystemItem.${d}`)}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('tsystem.evidence')}
        </Text>
        {v.evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tsystem.noEvidence')}
          </Text>
        ) : (
          v.evidence.map((f) => (
            <Group key={f.id} gap="xs">
              <Text size="sm">{f.name}</Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  form.setFieldValue(
                    'evidence',
                    v.evidence.filter((e) => e.id !== f.id),
                  )
                }
              >
                {t('tsystem.removeEvidence')}
              </Button>
            </Group>
          ))
        )}
        <FileButton onChange={addEvidence} accept="application/pdf,image/png,image/jpeg">
          {(props) => (
            <Button
              {...props}
              variant="light"
              size="xs"
              w="fit-content"
              loading={uploading}
              leftSection={<IconUpload size={14} aria-hidden />}
            >
              {t('tsystem.addEvidence')}
            </Button>
          )}
        </FileButton>
        {form.errors.evidenceFileIds ? (
          <Text size="sm" c="red">
            {form.errors.evidenceFileIds}
          </Text>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('tsystem.connection')}
          allowDeselect={false}
          data={enumOptions(t, 'tsystemConnection', connections)}
          {...form.getInputProps('connection')}
        />
        <DateField label={t('tsystem.inUseSince')} {...form.getInputProps('inUseSince')} />
        <DateField label={t('tsystem.declaredOn')} {...form.getInputProps('declaredOn')} />
      </SimpleGrid>
    </Stack>
  );
}
