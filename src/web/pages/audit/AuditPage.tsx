import { Alert, Button, Code, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { usePage } from '../../api/hooks.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useListState } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../format.ts';

/** An entry as the API words it (in the language asked for); ids and hashes are not shown. */
interface AuditEntry {
  id: number;
  at: string;
  summary: string;
  actor: { text: string };
  subject: { kind: string; label: string | null };
  changes: FieldChange[];
}

interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

interface ChainVerdict {
  valid: boolean;
  rows: number;
  headHash: string;
  brokenAtId: number | null;
  checkedAt: string;
}

const toIso = (local: string) => (local ? `${local}:00+07:00` : undefined);

/** The append-only, hash-chained log of every change, in sentences, with a check of the whole chain. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const control = useListState(50);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<AuditEntry | null>(null);
  // the sentences come from the server in the language of the request: the language is part of the query
  const list = usePage<AuditEntry>('/api/audit', control, {
    from: toIso(from),
    to: toIso(to),
    lang: i18n.language,
  });
  const verify = useQuery({
    queryKey: ['/api/audit/verify'],
    queryFn: () => get<ChainVerdict>('/api/audit/verify'),
    enabled: false,
  });

  return (
    <Stack>
      <PageHeader
        title={t('nav.audit')}
        description={t('audit.description')}
        actions={
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            loading={verify.isFetching}
            onClick={() => verify.refetch()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.error ? <ProblemAlert error={verify.error} /> : null}
      {verify.data ? (
        <Alert
          color={verify.data.valid ? 'teal' : 'red'}
          icon={verify.data.valid ? <IconShieldCheck aria-hidden /> : <IconShieldX aria-hidden />}
          title={
            verify.data.valid ? t('audit.chainValid') : t('audit.chainBroken', { id: verify.data.brokenAtId })
          }
        >
          {t('audit.chainRows', { rows: verify.data.rows, at: formatDateTime(verify.data.checkedAt) })}{' '}
          <Code>{verify.data.headHash.slice(0, 16)}…</Code>
        </Alert>
      ) : null}
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          label={t('audit.search')}
          placeholder={t('audit.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={control.state.q}
          onChange={(e) => control.setQ(e.currentTarget.value)}
          w={320}
        />
        <TextInput
          type="datetime-local"
          label={t('audit.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label={t('audit.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <DataTable<AuditEntry>
        caption={t('nav.audit')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(a) => String(a.id)}
        server={{ control, total: list.data?.total ?? 0 }}
        searchable={false}
        pageSize={50}
        columns={[
          { key: 'at', header: t('audit.at'), sortable: false, render: (a) => formatDateTime(a.at) },
          {
            key: 'summary',
            header: t('audit.entry'),
            sortable: false,
            render: (a) => <Text style={{ overflowWrap: 'anywhere' }}>{a.summary}</Text>,
          },
          {
            key: 'change',
            header: t('audit.change'),
            sortable: false,
            render: (a) =>
              a.changes.length ? (
                <Button size="xs" variant="subtle" onClick={() => setOpen(a)}>
                  {t('audit.changes', { count: a.changes.length })}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('audit.noChanges')}
                </Text>
              ),
          },
        ]}
      />
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.summary} size="xl">
        {open ? <ChangeTable changes={open.changes} /> : null}
      </Modal>
    </Stack>
  );
}

/** Before and after, one field a row; long values wrap instead of widening the table. */
function ChangeTable({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  const value = (text: string | null) =>
    text === null ? (
      <Text span c="dimmed">
        {t('audit.empty')}
      </Text>
    ) : (
      text
    );
  return (
    <Table striped withTableBorder layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td fw={500}>{c.label}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {value(c.before)}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{value(c.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
