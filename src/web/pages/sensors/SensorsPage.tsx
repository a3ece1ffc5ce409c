import {
  Anchor,
  Badge,
  Button,
  Code,
  NumberInput,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, usePage, useSend } from '../../api/hooks.ts';
import { type Me, useMe } from '../../api/session.ts';
import type { Location, Lot, Product } from '../../api/types.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { KeyShownOnce } from '../../components/KeyShownOnce.tsx';
import { useListState } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import './words.ts';

interface Excursion {
  id: string;
  organisationName: string;
  state: 'pending' | 'open' | 'closed';
  lotId: string | null;
  lotLabel: string | null;
  description: string;
  published: boolean;
}
interface AlertRow {
  id: string;
  audience: 'organisation' | 'sector';
  createdAt: string;
  excursion: Excursion;
}
interface Device {
  id: string;
  name: string;
  prefix: string;
  lotId: string | null;
  locationId: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}
interface Threshold {
  id: string;
  target: 'product' | 'location' | 'shipment';
  targetName: string;
  kind: 'temperature' | 'humidity';
  min: number | null;
  max: number | null;
  durationMinutes: number;
}

const manages = (me: Me) => ['dost_admin', 'org_owner', 'org_staff'].includes(me.role);
const publishes = (me: Me) => ['dost_admin', 'dost_reviewer', 'sector_officer'].includes(me.role);

/** Sensors: alerts (everyone who may read them), devices and thresholds (the organisation's side). */
export function SensorsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  return (
    <Stack>
      <PageHeader title={t('nav.sensors')} description={t('sensors.description')} />
      <Tabs defaultValue="alerts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="alerts">{t('sensors.tabs.alerts')}</Tabs.Tab>
          {manages(me) ? <Tabs.Tab value="devices">{t('sensors.tabs.devices')}</Tabs.Tab> : null}
          {manages(me) ? <Tabs.Tab value="thresholds">{t('sensors.tabs.thresholds')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="alerts" pt="md">
          <AlertsTab me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="devices" pt="md">
          <DevicesTab me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="thresholds" pt="md">
          <ThresholdsTab me={me} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AlertsTab({ me }: { me: Me }) {
  const { t } = useTranslation();
  const control = useListState(20);
  const list = usePage<AlertRow>('/api/sensors/alerts', control);
  const invalidate = ['/api/sensors'];
  const publish = useSend<{ id: string; publish: boolean }>(
    'POST',
    (v) =>
      v.publish ? `/api/sensors/excursions/${v.id}/publish` : `/api/sensors/excursions/${v.id}/unpublish`,
    { invalidate, body: () => ({}) },
  );
  return (
    <DataTable<AlertRow>
      caption={t('sensors.tabs.alerts')}
      rows={list.data?.items}
      loading={list.isPending}
      error={list.error}
      rowKey={(a) => a.id}
      server={{ control, total: list.data?.total ?? 0 }}
      searchable={false}
      emptyText={t('sensors.alerts.empty')}
      columns={[
        {
          key: 'createdAt',
          header: t('sensors.alerts.time'),
          sortable: false,
          render: (a) => formatDateTime(a.createdAt),
        },
        {
          key: 'organisation',
          header: t('sensors.alerts.organisation'),
          sortable: false,
          render: (a) => a.excursion.organisationName,
        },
        {
          key: 'lot',
          header: t('sensors.alerts.lot'),
          sortable: false,
          render: (a) =>
            a.excursion.lotId ? (
              <Anchor component={Link} to={`/lots/${a.excursion.lotId}`}>
                {a.excursion.lotLabel}
              </Anchor>
            ) : (
              '—'
            ),
        },
        {
          key: 'what',
          header: t('sensors.alerts.what'),
          sortable: false,
          render: (a) => (
            <Stack gap={2}>
              <Text size="sm">{a.excursion.description}</Text>
              {a.audience === 'sector' ? (
                <Badge size="xs" variant="light">
                  {t('sensors.alerts.toSector')}
                </Badge>
              ) : null}
              {a.excursion.published ? (
                <Badge size="xs" variant="light" color="orange">
                  {t('sensors.alerts.published')}
                </Badge>
              ) : null}
            </Stack>
          ),
        },
        {
          key: 'state',
          header: t('sensors.alerts.state'),
          sortable: false,
          // words, not a badge: a badge cuts "Đã trở lại ngưỡng" short in a narrow column
          render: (a) => (
            <Text size="sm" fw={600} c={a.excursion.state === 'open' ? 'red.8' : 'dimmed'}>
              {t(`sensors.alerts.states.${a.excursion.state}`)}
            </Text>
          ),
        },
        ...(publishes(me)
          ? [
              {
                key: 'actions',
                header: '',
                sortable: false,
                render: (a: AlertRow) => (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => publish.mutate({ id: a.excursion.id, publish: !a.excursion.published })}
                  >
                    {a.excursion.published ? t('sensors.alerts.unpublish') : t('sensors.alerts.publish')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function DevicesTab({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = useGet<Device[]>('/api/sensors/devices');
  const [opened, { open, close }] = useDisclosure();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm({ initialValues: { organisationId: '', name: '', lotId: '', locationId: '' } });
  const invalidate = ['/api/sensors/devices'];
  const create = useSend<unknown, Device & { key: string }>('POST', '/api/sensors/devices', { invalidate });
  const revoke = useSend<string>('DELETE', (id) => `/api/sensors/devices/${id}`, {
    invalidate,
    success: 'sensors.devices.revokedNotice',
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const device = await create.mutateAsync({
        organisationId: ownOrganisation(me) ? undefined : v.organisationId || undefined,
        name: v.name.trim(),
        lotId: v.lotId || undefined,
        locationId: v.locationId || undefined,
      });
      setCreated(device.key);
      form.reset();
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  return (
    <Stack>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} w="fit-content">
        {t('sensors.devices.create')}
      </Button>
      {created ? (
        <KeyShownOnce
          value={created}
          title={t('sensors.devices.createdTitle')}
          text={t('sensors.devices.createdText')}
          copyLabel={t('sensors.devices.copy')}
          copiedLabel={t('sensors.devices.copied')}
          onClose={() => setCreated(null)}
          testId="device-key"
        />
      ) : null}
      <DataTable<Device>
        caption={t('sensors.tabs.devices')}
        rows={list.data}
        loading={list.isPending}
        error={list.error}
        rowKey={(d) => d.id}
        searchable={false}
        emptyText={t('sensors.devices.empty')}
        columns={[
          { key: 'name', header: t('sensors.devices.name') },
          {
            key: 'prefix',
            header: t('sensors.devices.prefix'),
            sortable: false,
            render: (d) => <Code>{d.prefix}…</Code>,
          },
          {
            key: 'lastSeenAt',
            header: t('sensors.devices.lastSeen'),
            sortable: false,
            render: (d) => formatDateTime(d.lastSeenAt),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (d) =>
              d.revokedAt ? (
                t('sensors.devices.revoked')
              ) : (
                <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(d.id)}>
                  {t('sensors.devices.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal
        title={t('sensors.devices.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending}
        size="md"
      >
        <OrganisationPicker
          value={form.values.organisationId}
          onChange={(v) => form.setFieldValue('organisationId', v)}
          error={form.errors.organisationId}
        />
        <TextInput label={t('sensors.devices.name')} required {...form.getInputProps('name')} />
        <EntitySelect<Lot>
          label={t('sensors.devices.lot')}
          path="/api/lots"
          option={(l) => ({ value: l.id, label: `${l.productName} — ${l.lot}` })}
          {...form.getInputProps('lotId')}
        />
        <EntitySelect<Location>
          label={t('sensors.devices.location')}
          path="/api/locations"
          option={(l) => ({ value: l.id, label: l.name })}
          {...form.getInputProps('locationId')}
        />
      </FormModal>
    </Stack>
  );
}

function ThresholdsTab({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = useGet<Threshold[]>('/api/sensors/thresholds');
  const [opened, { open, close }] = useDisclosure();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({
    initialValues: {
      organisationId: '',
      target: 'product',
      productId: '',
      locationId: '',
      shipmentId: '',
      kind: 'temperature',
      min: '' as number | string,
      max: '' as number | string,
      durationMinutes: 30 as number | string,
    },
  });
  const invalidate = ['/api/sensors'];
  const create = useSend<unknown, Threshold>('POST', '/api/sensors/thresholds', { invalidate });
  const remove = useSend<string>('DELETE', (id) => `/api/sensors/thresholds/${id}`, {
    invalidate,
    success: 'sensors.thresholds.removed',
  });
  const num = (v: number | string) => (v === '' ? undefined : Number(v));
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await create.mutateAsync({
        organisationId: ownOrganisation(me) ? undefined : v.organisationId || undefined,
        target: v.target,
        productId: v.target === 'product' ? v.productId || undefined : undefined,
        locationId: v.target === 'location' ? v.locationId || undefined : undefined,
        shipmentId: v.target === 'shipment' ? v.shipmentId.trim() || undefined : undefined,
        kind: v.kind,
        min: num(v.min),
        max: num(v.max),
        durationMinutes: num(v.durationMinutes) ?? 0,
      });
      form.reset();
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  const limit = (v: number | null) => (v === null ? '—' : formatNumber(v));
  return (
    <Stack>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} w="fit-content">
        {t('sensors.thresholds.create')}
      </Button>
      <DataTable<Threshold>
        caption={t('sensors.tabs.thresholds')}
        rows={list.data}
        loading={list.isPending}
        error={list.error}
        rowKey={(x) => x.id}
        searchable={false}
        emptyText={t('sensors.thresholds.empty')}
        columns={[
          {
            key: 'target',
            header: t('sensors.thresholds.target'),
            render: (x) => `${t(`sensors.thresholds.targets.${x.target}`)}: ${x.targetName}`,
          },
          {
            key: 'kind',
            header: t('sensors.thresholds.kind'),
            render: (x) => t(`sensors.thresholds.kinds.${x.kind}`),
          },
          { key: 'min', header: t('sensors.thresholds.min'), sortable: false, render: (x) => limit(x.min) },
          { key: 'max', header: t('sensors.thresholds.max'), sortable: false, render: (x) => limit(x.max) },
          {
            key: 'durationMinutes',
            header: t('sensors.thresholds.durationShort'),
            render: (x) => t('sensors.thresholds.minutes', { count: x.durationMinutes }),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (x) => (
              <Button size="xs" color="red" variant="subtle" onClick={() => remove.mutate(x.id)}>
                {t('sensors.thresholds.remove')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal
        title={t('sensors.thresholds.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending}
        size="md"
      >
        <OrganisationPicker
          value={form.values.organisationId}
          onChange={(v) => form.setFieldValue('organisationId', v)}
          error={form.errors.organisationId}
        />
        <Select
          label={t('sensors.thresholds.target')}
          required
          allowDeselect={false}
          data={(['product', 'location', 'shipment'] as const).map((v) => ({
            value: v,
            label: t(`sensors.thresholds.targets.${v}`),
          }))}
          {...form.getInputProps('target')}
        />
        {form.values.target === 'product' ? (
          <EntitySelect<Product>
            label={t('sensors.thresholds.product')}
            path="/api/products"
            required
            option={(p) => ({ value: p.id, label: p.name })}
            {...form.getInputProps('productId')}
          />
        ) : null}
        {form.values.target === 'location' ? (
          <EntitySelect<Location>
            label={t('sensors.thresholds.location')}
            path="/api/locations"
            required
            option={(l) => ({ value: l.id, label: l.name })}
            {...form.getInputProps('locationId')}
          />
        ) : null}
        {form.values.target === 'shipment' ? (
          <TextInput
            label={t('sensors.thresholds.shipment')}
            required
            {...form.getInputProps('shipmentId')}
          />
        ) : null}
        <Select
          label={t('sensors.thresholds.kind')}
          required
          allowDeselect={false}
          data={(['temperature', 'humidity'] as const).map((v) => ({
            value: v,
            label: t(`sensors.thresholds.kinds.${v}`),
          }))}
          {...form.getInputProps('kind')}
        />
        <NumberInput label={t('sensors.thresholds.min')} decimalScale={1} {...form.getInputProps('min')} />
        <NumberInput label={t('sensors.thresholds.max')} decimalScale={1} {...form.getInputProps('max')} />
        <NumberInput
          label={t('sensors.thresholds.duration')}
          min={0}
          max={10080}
          allowDecimal={false}
          {...form.getInputProps('durationMinutes')}
        />
      </FormModal>
    </Stack>
  );
}
