import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useGet, usePage } from '../../api/hooks.ts';
import { type Column, DataTable, type Filter } from '../../components/DataTable.tsx';
import { useListState } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { QueueAllButton } from './QueueAllButton.tsx';
import './words.ts';

const states = ['held', 'queued', 'sent', 'confirmed', 'failed', 'replaced'] as const;
type State = (typeof states)[number];
const kinds = ['organisation', 'location', 'product', 'lot', 'event', 'stamp'] as const;

interface OutboxRow {
  id: number;
  receiver: string;
  receiverLabel: string;
  label: string;
  kind: (typeof kinds)[number];
  action: 'upsert' | 'withdraw';
  version: number;
  state: State;
  attempts: number;
  reasons: { text: string; field: string | null }[];
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
  confirmedAt: string | null;
}
interface Summary {
  maxAttempts: number;
  receivers: {
    id: string;
    label: string;
    configured: boolean;
    counts: Record<State, number>;
    oldestUndelivered: { label: string; createdAt: string; state: State } | null;
  }[];
}

const colours: Record<State, string> = {
  held: 'orange',
  queued: 'blue',
  sent: 'cyan',
  confirmed: 'green',
  failed: 'red',
  replaced: 'gray',
};
const listPath = '/api/sync/outbox';
const summaryPath = '/api/sync/outbox/summary';

function StateBadge({ state }: { state: State }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[state]} variant="light" styles={{ root: { minWidth: 'max-content' } }}>
      {t(`sync.state.${state}`)}
    </Badge>
  );
}

/** One receiver: how many records in each state, and the one waiting longest. */
function ReceiverCard({
  receiver,
  maxAttempts,
}: {
  receiver: Summary['receivers'][number];
  maxAttempts: number;
}) {
  const { t } = useTranslation();
  const oldest = receiver.oldestUndelivered;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={receiver.label}>
      <Title order={2} size="h4" mb={4}>
        {receiver.label}
      </Title>
      {!receiver.configured ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('sync.notConfigured')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" my="sm" aria-label={t('sync.counts')}>
        {states.map((state) => (
          <div key={state}>
            <Text size="xl" fw={700} c={state === 'failed' && receiver.counts.failed ? 'red.8' : undefined}>
              {formatNumber(receiver.counts[state])}
            </Text>
            <Text size="sm">{t(`sync.state.${state}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`sync.stateHint.${state}`)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {oldest
          ? t('sync.oldest', {
              label: oldest.label,
              at: formatDateTime(oldest.createdAt),
              state: t(`sync.state.${oldest.state}`).toLowerCase(),
            })
          : t('sync.allDelivered')}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('sync.maxAttempts', { n: maxAttempts })}
      </Text>
    </Paper>
  );
}

/** Retry (a parked or held record) and park (a waiting or held one), each recorded in the audit log. */
function RowActions({ row }: { row: OutboxRow }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (verb: 'retry' | 'park') => api<OutboxRow>('POST', `${listPath}/${row.id}/${verb}`),
    onSuccess: async (after, verb) => {
      await queryClient.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(listPath),
      });
      const held = verb === 'retry' && after.state === 'held';
      notifications.show({
        color: held ? 'orange' : 'teal',
        message: t(held ? 'sync.stillHeld' : verb === 'retry' ? 'sync.retried' : 'sync.parked'),
      });
    },
  });
  const mayRetry = row.state === 'failed' || row.state === 'held';
  const mayPark = row.state === 'queued' || row.state === 'held';
  if (!mayRetry && !mayPark) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        {mayRetry ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={act.isPending && act.variables === 'retry'}
            onClick={() => act.mutate('retry')}
            aria-label={t('sync.retryNamed', { label: row.label })}
          >
            {t('sync.retry')}
          </Button>
        ) : null}
        {mayPark ? (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconPlayerPause size={14} aria-hidden />}
            loading={act.isPending && act.variables === 'park'}
            onClick={() => act.mutate('park')}
            aria-label={t('sync.parkNamed', { label: row.label })}
          >
            {t('sync.park')}
          </Button>
        ) : null}
      </Group>
      {act.error ? <ProblemAlert error={act.error} /> : null}
    </Stack>
  );
}

function When({ row }: { row: OutboxRow }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm">{t('sync.queuedAt', { at: formatDateTime(row.createdAt) })}</Text>
      {row.nextAttemptAt && row.attempts > 0 ? (
        <Text size="xs" c="dimmed">
          {t('sync.nextAt', { at: formatDateTime(row.nextAttemptAt) })}
        </Text>
      ) : null}
      {row.confirmedAt ? (
        <Text size="xs" c="dimmed">
          {t('sync.confirmedAt', { at: formatDateTime(row.confirmedAt) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * What leaves the province (issue 14 §3): per receiver the records by state and the one waiting longest, then
 * every record with its state, the receiver's reason in words, and retry or park. The department's admin only.
 */
export function SyncPage() {
  const { t } = useTranslation();
  const summary = useGet<Summary>(summaryPath);
  const control = useListState(20);
  const list = usePage<OutboxRow>(listPath, control);
  const receivers = summary.data?.receivers ?? [];

  // the list is newest first; the server sorts by nothing else
  const columns: Column<OutboxRow>[] = (
    [
      {
        key: 'label',
        header: t('sync.col.record'),
        render: (row) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {row.label}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`sync.kind.${row.kind}`)}
              {row.action === 'withdraw' ? ` · ${t('sync.action.withdraw')}` : ''}
              {row.kind !== 'event' ? ` · ${t('sync.version', { n: row.version })}` : ''}
            </Text>
          </Stack>
        ),
      },
      { key: 'receiverLabel', header: t('sync.col.receiver') },
      {
        key: 'state',
        header: t('sync.col.state'),
        render: (row) => (
          <Stack gap={2} align="flex-start">
            <StateBadge state={row.state} />
            {row.attempts > 0 ? (
              <Text size="xs" c="dimmed">
                {t('sync.attempts', { count: row.attempts })}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        key: 'reasons',
        header: t('sync.col.reason'),
        render: (row) =>
          row.reasons.length ? (
            <Stack gap={2}>
              {row.reasons.map((r) => (
                <Text size="sm" key={r.text}>
                  {r.text}
                </Text>
              ))}
            </Stack>
          ) : null,
      },
      { key: 'createdAt', header: t('sync.col.when'), render: (row) => <When row={row} /> },
      { key: 'actions', header: t('common.actions'), render: (row) => <RowActions row={row} /> },
    ] as Column<OutboxRow>[]
  ).map((c) => ({ ...c, sortable: false }));
  const filters: Filter<OutboxRow>[] = [
    {
      key: 'state',
      label: t('sync.filter.state'),
      options: states.map((s) => ({ value: s, label: t(`sync.state.${s}`) })),
    },
    {
      key: 'kind',
      label: t('sync.filter.kind'),
      options: kinds.map((k) => ({ value: k, label: t(`sync.kind.${k}`) })),
    },
    ...(receivers.length > 1
      ? [
          {
            key: 'receiver',
            label: t('sync.filter.receiver'),
            options: receivers.map((r) => ({ value: r.id, label: r.label })),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('sync.title')}
        description={t('sync.description')}
        actions={
          receivers.some((r) => r.configured) ? <QueueAllButton invalidatePrefix={listPath} /> : undefined
        }
      />
      {summary.error ? <ProblemAlert error={summary.error} /> : null}
      {summary.isSuccess && receivers.length === 0 ? (
        <Alert color="yellow" mb="md">
          {t('sync.noReceiver')}
        </Alert>
      ) : null}
      {receivers.length > 0 ? (
        <SimpleGrid cols={{ base: 1, lg: Math.min(2, receivers.length) }} mb="lg">
          {receivers.map((r) => (
            <ReceiverCard key={r.id} receiver={r} maxAttempts={summary.data?.maxAttempts ?? 0} />
          ))}
        </SimpleGrid>
      ) : null}
      <DataTable
        caption={t('sync.list')}
        rows={list.data?.items}
        columns={columns}
        rowKey={(row) => String(row.id)}
        loading={list.isPending}
        error={list.error}
        filters={filters}
        emptyText={t('sync.empty')}
        searchable={false}
        server={{ control, total: list.data?.total ?? 0 }}
      />
    </>
  );
}
