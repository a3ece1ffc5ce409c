import {
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import type { DirectoryEntry, Location } from '../../api/types.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { DateField, DateTimeField } from '../../components/DateField.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { newId } from '../../offline/ids.ts';
import { OfflinePanel, WaitingEntries } from '../../offline/OfflinePanel.tsx';
import { type OutboxItem, removeOutbox } from '../../offline/outbox.ts';
import { readableProblem } from '../../offline/readable.ts';
import { enqueue } from '../../offline/sync.ts';
import { LotQuantities } from './LotQuantities.tsx';
import { units } from './lines.ts';
import { emptyStage, type StageName, stageAliases, stageBody, stageNames, stageShape } from './stage-form.ts';

interface StageResult {
  stage: string;
  eventId: string;
  eventType: string;
  shipmentId: string | null;
}

/** The lot numbers a stage names (what it made, shipped, used), for the message after saving. */
function lotsOf(body: Record<string, unknown>): string[] {
  const lines = [body.output, ...['items', 'inputs', 'outputs'].flatMap((k) => (body[k] as unknown[]) ?? [])];
  return [
    ...new Set(
      lines.flatMap((l) =>
        l && typeof (l as { lot?: unknown }).lot === 'string' ? [(l as { lot: string }).lot] : [],
      ),
    ),
  ];
}

/** One form per stage of the chain (CBV bizSteps); each saved form becomes an EPCIS event. */
export function StagesPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [saved, setSaved] = useState<(StageResult & { lots: string[] }) | null>(null);
  const form = useForm({ initialValues: { ...emptyStage(), organisationId: ownOrganisation(me) ?? '' } });
  const record = useSend<unknown, StageResult>('POST', '/api/stages', {
    invalidate: ['/api/lots', '/api/shipments'],
    success: 'stage.saved',
  });
  const v = form.values;
  const shape = stageShape[v.stage];
  // the id of what is being filled in (decision 061): kept while it is corrected, new once it is recorded or kept
  const id = useRef(newId());
  // a form kept on the phone that the server refused, opened again to be fixed
  const [fixing, setFixing] = useState<OutboxItem | null>(null);

  const next = (values: typeof v) => {
    id.current = newId();
    setFixing(null);
    form.setValues({
      ...emptyStage(),
      stage: values.stage,
      organisationId: values.organisationId,
      locationId: values.locationId,
    });
  };

  const fix = (item: OutboxItem) => {
    setFixing(item);
    id.current = item.id;
    form.setValues(item.form as typeof v);
    setProblem(
      item.problem ? applyProblem(form, new ApiError(readableProblem(item.problem)), stageAliases) : null,
    );
    window.scrollTo({ top: 0 });
  };

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setSaved(null);
    const body = { ...stageBody(values), id: id.current };
    const lots = lotsOf(body);
    const keepOnPhone = async () => {
      await enqueue({
        id: id.current,
        kind: 'stage',
        userId: me.id,
        organisationId: values.organisationId || undefined,
        body,
        photos: [],
        form: values,
        label: [t('offline.stage', { name: t(`stage.name.${values.stage}`) }), lots.join(', ')]
          .filter(Boolean)
          .join(' · '),
        createdAt: fixing?.createdAt ?? new Date().toISOString(),
        state: 'waiting',
      });
      notifications.show({ color: 'orange', message: t('offline.queued') });
      next(values);
    };
    if (!navigator.onLine) return keepOnPhone();
    try {
      setSaved({ ...(await record.mutateAsync(body)), lots });
      if (fixing) await removeOutbox(fixing.id);
      next(values);
    } catch (error) {
      // no answer: kept, and sent again under the same id (recorded once)
      if (!(error instanceof ApiError)) return keepOnPhone();
      setProblem(applyProblem(form, error, stageAliases));
    }
  });

  return (
    <Stack maw={960}>
      <PageHeader title={t('nav.stages')} description={t('stage.description')} />
      <OfflinePanel kind="stage" onFix={fix} />
      <WaitingEntries kind="stage" />
      {saved ? (
        <Card withBorder bg="teal.0">
          <Group gap="xs">
            <IconCheck aria-hidden color="var(--mantine-color-teal-8)" />
            <Text size="sm">
              {t('stage.savedFor', { stage: t(`stage.name.${saved.stage}`) })}{' '}
              {saved.lots.map((lot, i) => (
                <span key={lot}>
                  {i ? ', ' : ''}
                  <Anchor href={`/app/lots?q=${encodeURIComponent(lot)}`}>{lot}</Anchor>
                </span>
              ))}
            </Text>
          </Group>
        </Card>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem ? <ProblemAlert error={problem} /> : null}
          <Select
            label={t('stage.stage')}
            allowDeselect={false}
            size="md"
            data={stageNames.map((s) => ({ value: s, label: t(`stage.name.${s}`) }))}
            value={v.stage}
            onChange={(s) => form.setFieldValue('stage', s as StageName)}
          />
          <Text size="sm" c="dimmed">
            {t(`stage.help.${v.stage}`)}
          </Text>
          <OrganisationPicker
            value={v.organisationId}
            onChange={(id) => form.setFieldValue('organisationId', id)}
            error={form.errors.organisationId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimeField
              label={t('stage.eventTime')}
              description={t('stage.eventTimeHint')}
              required
              {...form.getInputProps('eventTime')}
            />
            <EntitySelect<Location>
              label={t('stage.location')}
              required
              path="/api/locations"
              query={{ organisationId: v.organisationId || undefined }}
              option={(l) => ({ value: l.id, label: l.name })}
              {...form.getInputProps('locationId')}
            />
          </SimpleGrid>

          {shape.output ? (
            <Card withBorder>
              <Title order={2} size="h5" mb="xs">
                {t('stage.harvested')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <EntitySelect
                  label={t('lot.product')}
                  required
                  path="/api/products"
                  option={(p: { gtin: string; name: string }) => ({
                    value: p.gtin,
                    label: `${p.name} (${p.gtin})`,
                  })}
                  {...form.getInputProps('output.gtin')}
                />
                <TextInput
                  label={t('stage.newLot')}
                  description={t('lot.lotHint')}
                  required
                  {...form.getInputProps('output.lot')}
                />
                <NumberInput
                  label={t('lot.quantity')}
                  min={0}
                  required
                  {...form.getInputProps('output.quantity')}
                />
                <Select
                  label={t('stage.unit')}
                  allowDeselect={false}
                  data={units.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
                  {...form.getInputProps('output.unit')}
                />
              </SimpleGrid>
            </Card>
          ) : null}
          {shape.lists.map((list) => (
            <Card withBorder key={list}>
              <LotQuantities
                form={form}
                path={list}
                label={t(`stage.list.${list}`)}
                min={list === 'outputs' && v.stage === 'pack' ? 0 : 1}
                stock={list === 'inputs' || (list === 'items' && v.stage !== 'receive')}
                organisationId={v.organisationId || undefined}
              />
            </Card>
          ))}
          {shape.sscc ? (
            <TextInput
              label={t('stage.sscc')}
              description={t('stage.ssccHint')}
              inputMode="numeric"
              {...form.getInputProps('sscc')}
            />
          ) : null}
          {shape.dates.length ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {shape.dates.map((d) => (
                <DateField key={d} label={t(`stage.date.${d}`)} {...form.getInputProps(d)} />
              ))}
            </SimpleGrid>
          ) : null}
          {shape.party ? (
            <Card withBorder>
              <Title order={2} size="h5" mb="xs">
                {t(`stage.party.${shape.party}`)}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t('stage.partyHelp')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <EntitySelect<DirectoryEntry>
                  label={t('stage.partyOrganisation')}
                  description={t('stage.partyDirectoryHint')}
                  path="/api/organisations/directory"
                  option={(o) => ({
                    value: o.id,
                    label: [o.name, o.taxCode && `MST ${o.taxCode}`, o.glns[0] && `GLN ${o.glns[0]}`]
                      .filter(Boolean)
                      .join(' · '),
                  })}
                  {...form.getInputProps('party.organisationId')}
                />
                <TextInput label={t('stage.partyName')} {...form.getInputProps('party.name')} />
                <TextInput label="GLN" inputMode="numeric" {...form.getInputProps('party.gln')} />
                <TextInput
                  label={t('organisation.taxCode')}
                  inputMode="numeric"
                  {...form.getInputProps('party.taxCode')}
                />
                <TextInput label={t('stage.invoice')} {...form.getInputProps('documents.invoice')} />
                <TextInput
                  label={t('stage.deliveryNote')}
                  {...form.getInputProps('documents.deliveryNote')}
                />
              </SimpleGrid>
            </Card>
          ) : null}
          <Textarea label={t('stage.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={record.isPending}>
              {t('stage.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
