import { Badge, Button, Group, Stack, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, usePage, useSend } from '../../api/hooks.ts';
import { type Me, useMe } from '../../api/session.ts';
import { ownOrganisation } from '../../components/acting-organisation.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useListState } from '../../components/list-state.ts';
import { enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import {
  dataItems,
  emptySystem,
  principles,
  systemBody,
  systemValues,
  type TraceabilitySystem,
  TraceabilitySystemForm,
} from './TraceabilitySystemForm.tsx';
import './words.ts';

interface CountsRow {
  sector: string | null;
  communeName: string | null;
  communeCode: string | null;
  organisations: number;
  withSystem: number;
  conformant: number;
  connected: number;
}
interface Counts {
  rows: CountsRow[];
  totals: Omit<CountsRow, 'sector' | 'communeName' | 'communeCode'>;
}

const sectors = ['agriculture', 'industry_trade', 'health', 'other'];
const organisationRoles = ['org_owner', 'org_staff'];

/** Who records systems: the organisation, the admin, a commune officer for their communes (the API checks each). */
const mayRecord = (me: Me) =>
  organisationRoles.includes(me.role) || ['dost_admin', 'commune_officer'].includes(me.role);

export function TraceabilitySystemsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [tab, setTab] = useState<string | null>('list');
  return (
    <Stack>
      <PageHeader title={t('nav.traceabilitySystems')} description={t('tsystem.listDescription')} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('tsystem.tabList')}</Tabs.Tab>
          {organisationRoles.includes(me.role) ? null : (
            <Tabs.Tab value="counts">{t('tsystem.tabCounts')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <SystemsList me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="counts" pt="md">
          {tab === 'counts' ? <CountsView /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ConformityBadge({ value }: { value: TraceabilitySystem['declaredConformity'] }) {
  const { t } = useTranslation();
  const color = { full: 'green', partial: 'yellow', none: 'gray' }[value];
  return (
    <Badge color={color} variant="light" tt="none" h="auto" styles={{ label: { whiteSpace: 'normal' } }}>
      {t(`tsystemConformity.${value}`)}
    </Badge>
  );
}

function ConnectionCell({ s }: { s: TraceabilitySystem }) {
  const { t } = useTranslation();
  const seen = s.observed.apiKey
    ? t('tsystem.seenApiKey')
    : s.observed.recentEvents > 0
      ? t('tsystem.seenEvents', { count: s.observed.recentEvents, n: formatNumber(s.observed.recentEvents) })
      : t('tsystem.seenNothing');
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('tsystem.declared')}: {t(`tsystemConnection.${s.connection}`)}
      </Text>
      <Tooltip label={t('tsystem.observedHint')} multiline w={280}>
        <Text size="xs" c={s.observed.connected ? 'green.8' : 'dimmed'} fw={s.observed.connected ? 600 : 400}>
          {s.observed.connected ? '● ' : '○ '}
          {t('tsystem.observed')}: {seen}
        </Text>
      </Tooltip>
    </Stack>
  );
}

function SystemsList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const control = useListState();
  const list = usePage<TraceabilitySystem>('/api/traceability-systems', control);
  // the communes in the reader's scope that hold organisations: the commune filter's choices
  const counts = useGet<Counts>('/api/traceability-systems/counts');
  const communeOptions = [
    ...new Map(
      (counts.data?.rows ?? [])
        .filter((r) => r.communeCode)
        .map((r) => [r.communeCode!, { value: r.communeCode!, label: r.communeName ?? r.communeCode! }]),
    ).values(),
  ].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const [opened, { open, close }] = useDisclosure();
  const [editing, setEditing] = useState<TraceabilitySystem | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: emptySystem });
  const invalidate = ['/api/traceability-systems'];
  const create = useSend<ReturnType<typeof systemBody> & { organisationId: string }>(
    'POST',
    (b) => `/api/organisations/${b.organisationId}/traceability-systems`,
    { invalidate, body: ({ organisationId: _o, ...rest }) => rest },
  );
  const save = useSend(
    'PUT',
    () => `/api/organisations/${editing?.organisationId}/traceability-systems/${editing?.id}`,
    {
      invalidate,
    },
  );
  const record = mayRecord(me);
  const startCreate = () => {
    form.setValues({ ...emptySystem, organisationId: ownOrganisation(me) ?? '' });
    form.clearErrors();
    setEditing(null);
    setProblem(null);
    open();
  };
  const startEdit = (s: TraceabilitySystem) => {
    form.setValues(systemValues(s));
    form.clearErrors();
    setEditing(s);
    setProblem(null);
    open();
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (editing) await save.mutateAsync(systemBody(values));
      else await create.mutateAsync({ ...systemBody(values), organisationId: values.organisationId });
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  return (
    <Stack>
      {record ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startCreate}>
            {t('tsystem.create')}
          </Button>
        </Group>
      ) : null}
      <DataTable<TraceabilitySystem>
        caption={t('nav.traceabilitySystems')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(s) => s.id}
        server={{ control, total: list.data?.total ?? 0 }}
        filters={[
          { key: 'sector', label: t('organisation.sector'), options: enumOptions(t, 'sector', sectors) },
          { key: 'communeCode', label: t('organisation.commune'), options: communeOptions },
          {
            key: 'conformity',
            label: t('tsystem.conformity'),
            options: enumOptions(t, 'tsystemConformity', ['full', 'partial', 'none']),
          },
          {
            key: 'connected',
            label: t('tsystem.observedConnection'),
            options: [
              { value: 'yes', label: t('tsystem.connectedYes') },
              { value: 'no', label: t('tsystem.connectedNo') },
            ],
          },
        ]}
        columns={[
          { key: 'organisationName', header: t('tsystem.organisation'), sortable: false },
          {
            key: 'name',
            header: t('tsystem.name'),
            sortable: false,
            render: (s) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`tsystemKind.${s.kind}`)} · {s.provider ?? t('tsystem.inHouse')}
                </Text>
              </Stack>
            ),
          },
          { key: 'communeName', header: t('organisation.commune'), sortable: false },
          {
            key: 'declaredConformity',
            header: t('tsystem.conformity'),
            sortable: false,
            render: (s) => (
              <Stack gap={2}>
                <ConformityBadge value={s.declaredConformity} />
                <Text size="xs" c="dimmed">
                  {t('tsystem.itemsMet', {
                    principles: `${s.principles.length}/${principles.length}`,
                    items: `${s.dataItems.length}/${dataItems.length}`,
                  })}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'connection',
            header: t('tsystem.connection'),
            sortable: false,
            render: (s) => <ConnectionCell s={s} />,
          },
          {
            key: 'declaredOn',
            header: t('tsystem.declaredOn'),
            sortable: false,
            render: (s) => formatDate(s.declaredOn),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (s) =>
              record ? (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconEdit size={14} aria-hidden />}
                  onClick={() => startEdit(s)}
                >
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
        emptyText={t('tsystem.empty')}
      />
      <FormModal
        title={editing ? editing.name : t('tsystem.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending || save.isPending}
        size="xl"
      >
        <TraceabilitySystemForm
          form={form}
          creating={!editing}
          onProblem={(e) => setProblem(applyProblem(form, e))}
        />
      </FormModal>
    </Stack>
  );
}

function CountsView() {
  const { t } = useTranslation();
  const counts = useGet<Counts>('/api/traceability-systems/counts');
  const [problem, setProblem] = useState<unknown>(null);
  if (counts.error) return <ProblemAlert error={counts.error} />;
  if (!counts.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const { rows, totals } = counts.data;
  const exportXlsx = async () => {
    setProblem(null);
    try {
      await downloadFile('GET', '/api/traceability-systems/counts.xlsx', 'he-thong-truy-xuat.xlsx');
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('tsystem.countsDescription')}
        </Text>
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={exportXlsx}>
          {t('tsystem.exportXlsx')}
        </Button>
      </Group>
      {problem ? <ProblemAlert error={problem} /> : null}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('tsystem.countsEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder aria-label={t('tsystem.tabCounts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisation.sector')}</Table.Th>
                <Table.Th>{t('organisation.commune')}</Table.Th>
                <Table.Th ta="right">{t('tsystem.countOrganisations')}</Table.Th>
                <Table.Th ta="right">{t('tsystem.countWithSystem')}</Table.Th>
                <Table.Th ta="right">{t('tsystem.countConformant')}</Table.Th>
                <Table.Th ta="right">{t('tsystem.countConnected')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.sector}-${r.communeCode}`}>
                  <Table.Td>{r.sector ? t(`sector.${r.sector}`) : t('tsystem.unknown')}</Table.Td>
                  <Table.Td>{r.communeName ?? r.communeCode ?? t('tsystem.unknown')}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.organisations)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.withSystem)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.conformant)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.connected)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td colSpan={2}>{t('tsystem.total')}</Table.Td>
                <Table.Td ta="right">{formatNumber(totals.organisations)}</Table.Td>
                <Table.Td ta="right">{formatNumber(totals.withSystem)}</Table.Td>
                <Table.Td ta="right">{formatNumber(totals.conformant)}</Table.Td>
                <Table.Td ta="right">{formatNumber(totals.connected)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
