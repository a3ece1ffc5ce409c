import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Image,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCamera, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { uploadFile } from '../../api/files.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useSend } from '../../api/hooks.ts';
import type { StoredFile } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { units } from '../stages/lines.ts';
import { type DiaryKind, withdrawalKinds } from './diary-kinds.ts';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface Props {
  kind: DiaryKind;
  organisationId: string;
  locationId: string;
  season: string;
  onDone(): void;
}

/** One diary line, entered in the field: few inputs, large targets, a photo straight from the camera. */
export function DiaryEntryForm({ kind, organisationId, locationId, season, onDone }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const form = useForm({
    initialValues: {
      entryDate: today(),
      inputName: '',
      activeIngredient: '',
      dose: '',
      withdrawalDays: '' as number | string,
      quantity: '' as number | string,
      unit: 'KGM',
      lotGtin: '',
      lotNumber: '',
      note: '',
    },
  });
  const save = useSend('POST', '/api/diary', { invalidate: ['/api/diary'], success: 'diary.saved' });
  const isInput = kind !== 'care' && kind !== 'other';
  const withdrawal = withdrawalKinds.includes(kind);

  const addPhoto = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadFile(file, organisationId);
      setPhotos((p) => [...p, stored]);
    } catch (error) {
      setProblem(applyProblem(form, error));
    } finally {
      setUploading(false);
    }
  };

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    const text = (s: string) => s.trim() || undefined;
    try {
      await save.mutateAsync({
        organisationId: organisationId || undefined,
        locationId,
        season,
        entryDate: v.entryDate,
        kind,
        inputName: text(v.inputName),
        activeIngredient: withdrawal ? text(v.activeIngredient) : undefined,
        dose: text(v.dose),
        withdrawalDays: withdrawal && v.withdrawalDays !== '' ? Number(v.withdrawalDays) : undefined,
        quantity: v.quantity === '' ? undefined : Number(v.quantity),
        unit: v.quantity === '' ? undefined : v.unit,
        lot:
          kind === 'harvest' && v.lotGtin && v.lotNumber
            ? { gtin: v.lotGtin.trim(), lot: v.lotNumber.trim() }
            : undefined,
        note: text(v.note),
        photoFileIds: photos.map((p) => p.id),
      });
      onDone();
    } catch (error) {
      setProblem(applyProblem(form, error, { lot: 'lotNumber' }));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {problem ? <ProblemAlert error={problem} /> : null}
        <DateField size="md" label={t('diary.date')} required {...form.getInputProps('entryDate')} />
        {isInput ? (
          <TextInput
            size="md"
            label={t(`diary.inputName.${kind}`)}
            required={withdrawal}
            {...form.getInputProps('inputName')}
          />
        ) : null}
        {withdrawal ? (
          <>
            <TextInput
              size="md"
              label={t('diary.activeIngredient')}
              required
              {...form.getInputProps('activeIngredient')}
            />
            <NumberInput
              size="md"
              label={t('diary.withdrawalDays')}
              description={t('diary.withdrawalHint')}
              required
              min={0}
              max={365}
              {...form.getInputProps('withdrawalDays')}
            />
          </>
        ) : null}
        {isInput ? (
          <TextInput
            size="md"
            label={t('diary.dose')}
            required={withdrawal}
            {...form.getInputProps('dose')}
          />
        ) : null}
        <SimpleGrid cols={2}>
          <NumberInput
            size="md"
            label={t('lot.quantity')}
            min={0}
            inputMode="decimal"
            {...form.getInputProps('quantity')}
          />
          <Select
            size="md"
            label={t('stage.unit')}
            allowDeselect={false}
            data={units.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
            {...form.getInputProps('unit')}
          />
        </SimpleGrid>
        {kind === 'harvest' ? (
          <SimpleGrid cols={2}>
            <TextInput size="md" label="GTIN" inputMode="numeric" {...form.getInputProps('lotGtin')} />
            <TextInput size="md" label={t('lot.lot')} {...form.getInputProps('lotNumber')} />
          </SimpleGrid>
        ) : null}
        <Textarea size="md" label={t('diary.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Group gap="sm">
          {photos.map((p) => (
            <div key={p.id} style={{ position: 'relative' }}>
              <Image src={p.thumbnailUrl ?? p.url} alt="" w={72} h={72} radius="sm" fit="cover" />
              <ActionIcon
                size="sm"
                color="red"
                style={{ position: 'absolute', top: 2, right: 2 }}
                aria-label={t('common.delete')}
                onClick={() => setPhotos((ps) => ps.filter((x) => x.id !== p.id))}
              >
                <IconX size={12} aria-hidden />
              </ActionIcon>
            </div>
          ))}
          <FileButton onChange={addPhoto} accept="image/*" capture="environment">
            {(props) => (
              <Button
                {...props}
                size="md"
                variant="light"
                loading={uploading}
                leftSection={<IconCamera size={20} aria-hidden />}
              >
                {t('diary.photo')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Button type="submit" size="lg" fullWidth loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
