import { Alert, Anchor, Group, Image, Pagination, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { sectors } from '../../api/types.ts';
import { addressFilters } from '../../components/address-filters.ts';
import { CommuneSelect } from '../../components/CommuneSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import './words.ts';

export interface CaseSummary {
  id: string;
  number: number;
  state: string;
  stateWords: string;
  subject: {
    type: string;
    organisationId: string;
    organisationName: string | null;
    communeName: string | null;
    gtin: string | null;
    productName: string | null;
    firstSerial: number | null;
    lastSerial: number | null;
  };
  assigneeName: string | null;
  outcomeWords: string | null;
  updatedAt: string;
  signalCount: number;
  sources: string[];
}
interface QueueItem {
  id: string;
  gtin: string | null;
  productName: string | null;
  serial: string | null;
  message: string;
  phone: string | null;
  photoUrl: string | null;
  status: string;
  caseId: string | null;
  caseNumber: number | null;
  createdAt: string;
}

const pageSize = 20;
export const caseNumber = (n: number) => `HS-${String(n).padStart(6, '0')}`;
const stateColor: Record<string, string> = {
  triage: 'orange',
  assigned: 'blue',
  handling: 'violet',
  closed: 'gray',
};

export function subjectWords(
  t: (k: string, o?: Record<string, unknown>) => string,
  s: CaseSummary['subject'],
) {
  const org = s.organisationName ?? '—';
  const product = s.productName ?? (s.gtin ? `GTIN ${s.gtin}` : null);
  if (s.type === 'stamp_range')
    return t('cases.subject.stamp_range', { org, product, first: s.firstSerial, last: s.lastSerial });
  if (s.type === 'product' && product) return t('cases.subject.namedProduct', { org, product });
  return t(`cases.subject.${s.type}`, { org });
}

export function sourceWords(t: (k: string) => string, source: string) {
  return source.startsWith('check:')
    ? `${t('cases.source.check')}: ${t(`cases.source.checkName.${source.slice(6)}`)}`
    : t(`cases.source.${source}`);
}

const sourceFilters = ['consumer_report', 'inspection', 'scan', 'check'];
/** A source filter given in the page's address (`?source=check` from the checks page), if it is one of the list's. */
const sourceInAddress = () => {
  const source = new URLSearchParams(window.location.search).get('source');
  return source && sourceFilters.includes(source) ? source : null;
};

function CaseList() {
  const { t } = useTranslation();
  const [state, setState] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(sourceInAddress);
  // a dashboard figure opens the list filtered by its sector and commune
  const [place, setPlace] = useState(() => addressFilters({ sector: sectors, communeCode: null }));
  const [page, setPage] = useState(1);
  const list = useGet<{ total: number; items: CaseSummary[] }>('/api/cases', {
    state: state ?? undefined,
    source: source ?? undefined,
    sector: place.sector ?? undefined,
    communeCode: place.communeCode ?? undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group>
        <Select
          label={t('cases.filter.state')}
          clearable
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          data={['triage', 'assigned', 'handling', 'closed'].map((s) => ({
            value: s,
            label: t(`cases.state.${s}`),
          }))}
        />
        <Select
          label={t('cases.filter.source')}
          clearable
          value={source}
          onChange={(v) => {
            setSource(v);
            setPage(1);
          }}
          data={sourceFilters.map((s) => ({
            value: s,
            label: t(`cases.source.${s}`),
          }))}
        />
        <Select
          label={t('organisation.sector')}
          clearable
          value={place.sector ?? null}
          onChange={(v) => {
            setPlace((p) => ({ ...p, sector: v }));
            setPage(1);
          }}
          data={sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        />
        <CommuneSelect
          label={t('organisation.commune')}
          value={place.communeCode ?? undefined}
          onChange={(v) => {
            setPlace((p) => ({ ...p, communeCode: v || null }));
            setPage(1);
          }}
        />
      </Group>
      {list.isSuccess && items.length === 0 ? <Alert>{t('cases.empty')}</Alert> : null}
      {items.length > 0 ? (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.col.number')}</Table.Th>
              <Table.Th>{t('cases.col.subject')}</Table.Th>
              <Table.Th>{t('cases.col.sources')}</Table.Th>
              <Table.Th>{t('cases.col.state')}</Table.Th>
              <Table.Th>{t('cases.col.assignee')}</Table.Th>
              <Table.Th>{t('cases.col.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${c.id}`}>
                    {caseNumber(c.number)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {subjectWords(t, c.subject)}
                  {c.subject.communeName ? (
                    <Text size="xs" c="dimmed">
                      {c.subject.communeName}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {c.sources.map((s) => sourceWords(t, s)).join(', ')} ({c.signalCount})
                </Table.Td>
                <Table.Td>
                  <Text c={stateColor[c.state]} fw={600} size="sm">
                    {c.stateWords}
                  </Text>
                  {c.outcomeWords ? <Text size="xs">{c.outcomeWords}</Text> : null}
                </Table.Td>
                <Table.Td>{c.assigneeName ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {(list.data?.total ?? 0) > pageSize ? (
        <Pagination value={page} onChange={setPage} total={Math.ceil((list.data?.total ?? 0) / pageSize)} />
      ) : null}
    </Stack>
  );
}

function ReportQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useGet<{ total: number; items: QueueItem[] }>('/api/cases/reports', {
    status: status ?? undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Select
        label={t('cases.queue.status')}
        value={status}
        clearable
        placeholder={t('cases.queue.all')}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        data={['new', 'in_case', 'closed'].map((s) => ({ value: s, label: t(`cases.queue.${s}`) }))}
        w={240}
      />
      {list.isSuccess && items.length === 0 ? <Alert>{t('cases.queue.empty')}</Alert> : null}
      {items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.queue.received')}</Table.Th>
              <Table.Th>{t('cases.queue.stamp')}</Table.Th>
              <Table.Th>{t('cases.queue.message')}</Table.Th>
              <Table.Th>{t('cases.queue.photo')}</Table.Th>
              <Table.Th>{t('cases.queue.phone')}</Table.Th>
              <Table.Th>{t('cases.queue.case')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                <Table.Td>
                  {r.productName ?? (r.gtin ? `GTIN ${r.gtin}` : '—')}
                  {r.serial ? ` · ${t('cases.queue.serial')} ${r.serial}` : ''}
                </Table.Td>
                <Table.Td maw={360}>{r.message}</Table.Td>
                <Table.Td>
                  {r.photoUrl ? (
                    <Anchor href={r.photoUrl} target="_blank">
                      <Image
                        src={r.photoUrl}
                        alt={t('cases.queue.photo')}
                        w={64}
                        h={64}
                        fit="cover"
                        radius="sm"
                      />
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{r.phone ?? t('cases.queue.noPhone')}</Table.Td>
                <Table.Td>
                  {r.caseId && r.caseNumber ? (
                    <Anchor component={Link} to={`/cases/${r.caseId}`}>
                      {caseNumber(r.caseNumber)}
                    </Anchor>
                  ) : (
                    t('cases.queue.noCase')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {(list.data?.total ?? 0) > pageSize ? (
        <Pagination value={page} onChange={setPage} total={Math.ceil((list.data?.total ?? 0) / pageSize)} />
      ) : null}
    </Stack>
  );
}

export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.data?.role;
  const seesQueue = role === 'dost_admin' || role === 'dost_reviewer' || role === 'inspector';
  return (
    <>
      <PageHeader title={t('cases.title')} description={t('cases.description')} />
      <Tabs defaultValue="cases">
        <Tabs.List mb="md">
          <Tabs.Tab value="cases">{t('cases.tab.cases')}</Tabs.Tab>
          {seesQueue ? <Tabs.Tab value="reports">{t('cases.tab.reports')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="cases">
          <CaseList />
        </Tabs.Panel>
        {seesQueue ? (
          <Tabs.Panel value="reports">
            <ReportQueue />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}
