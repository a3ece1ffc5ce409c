import { Alert, Button, Code, Group, Popover, Stack, TextInput } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
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

interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string | null; kind: string | null; role: string | null; name: string | null };
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

interface ChainVerdict {
  valid: boolean;
  rows: number;
  headHash: string;
  brokenAtId: number | null;
  checkedAt: string;
}

const toIso = (local: string) => (local ? `${local}:00+07:00` : undefined);

/** The append-only, hash-chained log of every change, with a check of the whole chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const control = useListState(50);
  const [entityType, setEntityType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = usePage<AuditEntry>('/api/audit', control, {
    entityType: entityType.trim() || undefined,
    from: toIso(from),
    to: toIso(to),
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
      <Group gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.entityType')}
          value={entityType}
          onChange={(e) => setEntityType(e.currentTarget.value)}
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
            key: 'actor',
            header: t('audit.actor'),
            sortable: false,
            render: (a) =>
              a.actor.name
                ? `${a.actor.name}${a.actor.role ? ` (${t(`role.${a.actor.role}`, { defaultValue: a.actor.role })})` : ''}`
                : t('audit.system'),
          },
          { key: 'action', header: t('audit.action'), sortable: false },
          {
            key: 'entityType',
            header: t('audit.entityType'),
            sortable: false,
            render: (a) => `${a.entityType} ${a.entityId.slice(0, 8)}`,
          },
          {
            key: 'change',
            header: t('audit.change'),
            sortable: false,
            render: (a) => (
              <Popover width={420} position="left" withArrow>
                <Popover.Target>
                  <Button size="xs" variant="subtle">
                    {t('audit.show')}
                  </Button>
                </Popover.Target>
                <Popover.Dropdown>
                  <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
                    {JSON.stringify({ before: a.before, after: a.after }, null, 2)}
                  </Code>
                </Popover.Dropdown>
              </Popover>
            ),
          },
        ]}
      />
    </Stack>
  );
}
