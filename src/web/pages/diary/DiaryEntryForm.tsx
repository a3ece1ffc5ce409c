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
import { notifications } from '@mantine/notifications';
import { IconCamera, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemDocument } from '../../api/client.ts';
import { uploadFile } from '../../api/files.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { newId } from '../../offline/ids.ts';
import { type OutboxItem, type OutboxPhoto, removeOutbox } from '../../offline/outbox.ts';
import { readableProblem } from '../../offline/readable.ts';
import { enqueue } from '../../offline/sync.ts';
import { units } from '../stages/lines.ts';
import { type DiaryKind, withdrawalKinds } from './diary-kinds.ts';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface Props {
  kind: DiaryKind;
  organisationId: string;
  locationId: string;
  season: string;
  /** an entry kept on the phone that the server refused: the form opens with it, to be fixed and sent again */
  initial?: OutboxItem;
  onDone(): void;
}

/** A photo of the entry: on the server already (its file id), or still only on the phone (taken offline). */
interface Photo {
  key: string;
  preview: string;
  fileId?: string;
  local?: OutboxPhoto;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const numberOrEmpty = (v: unknown) => (typeof v === 'number' ? v : '');

/** The form's values from an entry kept on the phone. */
function valuesOf(body: Record<string, unknown>) {
  const lot = body.lot as { gtin?: string; lot?: string } | undefined;
  return {
    entryDate: text(body.entryDate) || today(),
    inputName: text(body.inputName),
    activeIngredient: text(body.activeIngredient),
    dose: text(body.dose),
    withdrawalDays: numberOrEmpty(body.withdrawalDays) as number | string,
    quantity: numberOrEmpty(body.quantity) as number | string,
    unit: text(body.unit) || 'KGM',
    lotGtin: lot?.gtin ?? '',
    lotNumber: lot?.lot ?? '',
    note: text(body.note),
  };
}

function photosOf(item: OutboxItem | undefined): Photo[] {
  if (!item) return [];
  const stored = ((item.body.photoFileIds as string[]) ?? []).map((id) => ({
    key: id,
    fileId: id,
    preview: `/files/${id}?size=thumb`,
  }));
  const local = item.photos.map((p, i) => ({
    key: `${item.id}-${i}`,
    preview: URL.createObjectURL(p.blob),
    local: p,
  }));
  return [...stored, ...local];
}

/**
 * One diary line, entered in the field: few inputs, large targets, a photo straight from the camera. Without a
 * network it is kept on the phone with its photos and sent later, under the id made here (decision 061).
 */
export function DiaryEntryForm({ kind, organisationId, locationId, season, initial, onDone }: Props) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [id] = useState(() => initial?.id ?? newId());
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [photos, setPhotos] = useState<Photo[]>(() => photosOf(initial));
  const [uploading, setUploading] = useState(false);
  const form = useForm({ initialValues: valuesOf(initial?.body ?? {}) });
  // an entry the server refused opens with the refusal beside the fields it names, in plain words
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens
  useEffect(() => {
    if (initial?.problem)
      setProblem(applyProblem(form, new ApiError(readableProblem(initial.problem)), { lot: 'lotNumber' }));
  }, []);
  const save = useSend('POST', '/api/diary', { invalidate: ['/api/diary'], success: 'diary.saved' });
  const isInput = kind !== 'care' && kind !== 'other';
  const withdrawal = withdrawalKinds.includes(kind);

  const addPhoto = async (file: File | null) => {
    if (!file) return;
    const keep = () =>
      setPhotos((p) => [
        ...p,
        {
          key: newId(),
          preview: URL.createObjectURL(file),
          local: { name: file.name || 'anh.jpg', type: file.type || 'image/jpeg', blob: file },
        },
      ]);
    // no network: the photo stays on the phone and goes up with the entry
    if (!navigator.onLine) return keep();
    setUploading(true);
    try {
      const stored = await uploadFile(file, organisationId);
      setPhotos((p) => [
        ...p,
        { key: stored.id, fileId: stored.id, preview: stored.thumbnailUrl ?? stored.url },
      ]);
    } catch (error) {
      if (error instanceof ApiError) setProblem(applyProblem(form, error));
      else keep();
    } finally {
      setUploading(false);
    }
  };

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    const text = (s: string) => s.trim() || undefined;
    const body = {
      id,
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
      photoFileIds: photos.flatMap((p) => (p.fileId && !p.local ? [p.fileId] : [])),
    };
    const local = photos.flatMap((p) => (p.local ? [p.local] : []));
    const keepOnPhone = async () => {
      await enqueue({
        id,
        kind: 'diary',
        userId: me.id,
        organisationId: organisationId || undefined,
        body,
        photos: local,
        label: `${t(`diary.kind.${kind}`)} · ${formatDate(v.entryDate)}`,
        createdAt: initial?.createdAt ?? new Date().toISOString(),
        state: 'waiting',
      });
      notifications.show({ color: 'orange', message: t('offline.queued') });
      onDone();
    };
    if (!navigator.onLine || local.length) return keepOnPhone();
    try {
      await save.mutateAsync(body);
      if (initial) await removeOutbox(initial.id);
      onDone();
    } catch (error) {
      // no answer (the network dropped on the way): kept, and sent again under the same id, recorded once
      if (!(error instanceof ApiError)) return keepOnPhone();
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
            <div key={p.key} style={{ position: 'relative' }} data-testid="diary-photo">
              <Image src={p.preview} alt="" w={72} h={72} radius="sm" fit="cover" />
              <ActionIcon
                size="sm"
                color="red"
                style={{ position: 'absolute', top: 2, right: 2 }}
                aria-label={t('common.delete')}
                onClick={() => setPhotos((ps) => ps.filter((x) => x.key !== p.key))}
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
