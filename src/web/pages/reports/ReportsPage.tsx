import {
  Alert,
  Anchor,
  Button,
  NumberInput,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import type { Page } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import './words.ts';

export type ReportKind = 'annual' | 'half_yearly' | 'custom';
export interface ReportSummary {
  id: string;
  kind: ReportKind;
  periodFrom: string;
  periodTo: string;
  title: string;
  number: string | null;
  state: 'draft' | 'issued';
  issuedAt: string | null;
  issuedByName: string | null;
  createdAt: string;
}

const pageSize = 20;
export const stateColor = { draft: 'orange', issued: 'teal' } as const;
/** Only the department's administrator creates and issues reports; staff and officers read them. */
export const mayWriteReports = (role?: string) => role === 'dost_admin';

/** The department's periodic reports (issue 13 §3): annual, half-yearly or for a period; drafts and issued. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [state, setState] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useGet<Page<ReportSummary>>('/api/periodic-reports', {
    state: state ?? undefined,
    page,
    pageSize,
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('report.title')}
        description={t('report.description')}
        actions={
          mayWriteReports(me.role) ? (
            <Button onClick={() => setCreating(true)}>{t('report.create')}</Button>
          ) : null
        }
      />
      <Stack>
        <Select
          label={t('report.stateFilter')}
          clearable
          w={240}
          placeholder={t('report.allStates')}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          data={(['draft', 'issued'] as const).map((s) => ({ value: s, label: t(`report.state.${s}`) }))}
        />
        {list.error ? <ProblemAlert error={list.error} /> : null}
        {list.isSuccess && !items.length ? <Alert>{t('report.empty')}</Alert> : null}
        {items.length ? (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.subject')}</Table.Th>
                <Table.Th>{t('report.kind')}</Table.Th>
                <Table.Th>{t('report.period')}</Table.Th>
                <Table.Th>{t('report.number')}</Table.Th>
                <Table.Th>{t('report.stateLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${r.id}`}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`report.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    {formatDate(r.periodFrom)} – {formatDate(r.periodTo)}
                  </Table.Td>
                  <Table.Td>{r.number ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={stateColor[r.state]}>
                      {t(`report.state.${r.state}`)}
                    </Text>
                    {r.issuedAt ? (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(r.issuedAt)}
                      </Text>
                    ) : null}
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
      {creating && <CreateReport onClose={() => setCreating(false)} />}
    </>
  );
}

/** "Tạo báo cáo": annual (a year), half-yearly (a year and its half) or for any period (two dates). */
function CreateReport({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<ReportKind>('annual');
  const [year, setYear] = useState<number | string>(thisYear);
  const [half, setHalf] = useState<string>(new Date().getMonth() < 6 ? '1' : '2');
  const [periodFrom, setFrom] = useState('');
  const [periodTo, setTo] = useState('');
  const send = useSend<object, ReportSummary>('POST', '/api/periodic-reports', {
    invalidate: ['/api/periodic-reports'],
    success: 'report.created',
  });
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const y = typeof year === 'number' ? year : undefined;
    const body =
      kind === 'annual'
        ? { kind, year: y }
        : kind === 'half_yearly'
          ? { kind, year: y, half: Number(half) }
          : { kind, periodFrom: periodFrom || undefined, periodTo: periodTo || undefined };
    send.mutate(body, { onSuccess: (r) => navigate({ to: `/reports/${r.id}` }) });
  };
  return (
    <FormModal
      title={t('report.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
      submitLabel={t('report.createSubmit')}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('report.kind')}
        </Text>
        <SegmentedControl
          aria-label={t('report.kind')}
          value={kind}
          onChange={(v) => setKind(v as ReportKind)}
          data={(['annual', 'half_yearly', 'custom'] as const).map((k) => ({
            value: k,
            label: t(`report.kinds.${k}`),
          }))}
        />
      </Stack>
      {kind !== 'custom' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('report.year')}
            required
            value={year}
            onChange={setYear}
            allowDecimal={false}
          />
          {kind === 'half_yearly' ? (
            <Select
              label={t('report.half')}
              required
              value={half}
              onChange={(v) => setHalf(v ?? '1')}
              data={[
                { value: '1', label: t('report.halves.1') },
                { value: '2', label: t('report.halves.2') },
              ]}
            />
          ) : null}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('report.periodFrom')} required value={periodFrom} onChange={setFrom} />
          <DateField label={t('report.periodTo')} required value={periodTo} onChange={setTo} />
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        {t('report.createHint')}
      </Text>
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}
