import { Alert, Anchor, Button, Center, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClockPlay, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useGet } from '../../api/hooks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { durationWords, scheduleWords } from './run-words.ts';
import './words.ts';

interface CheckRun {
  trigger: 'schedule' | 'manual';
  requestedByName: string | null;
  startedAt: string;
  durationMs: number | null;
  findings: number | null;
  signalsCreated: number | null;
  sample: string[];
  error: string | null;
}
interface Check {
  name: string;
  title: string;
  lastRun: CheckRun | null;
}
interface CheckList {
  intervalMinutes: number;
  items: Check[];
}

const listPath = '/api/checks';
const runKey = (name: string) => ['check-run', name];
/** The fraud cases page, filtered to the cases the automatic checks raised. */
const casesPage: string = '/cases?source=check';

/** When and how the last run went: when, who or the schedule, findings or the error, how long. */
function LastRun({
  run,
  open,
  onOpen,
}: {
  run: CheckRun | null;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!run) return <Text c="dimmed">{t('checks.neverRun')}</Text>;
  const by =
    run.trigger === 'schedule'
      ? t('checks.trigger.schedule')
      : run.requestedByName
        ? t('checks.trigger.manualBy', { name: run.requestedByName })
        : t('checks.trigger.manual');
  return (
    <Stack gap={2}>
      <Text size="sm">
        {formatDateTime(run.startedAt)} · {by}
      </Text>
      {run.error ? (
        <>
          <Text size="sm" c="red" fw={600}>
            {t('checks.failed')}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('checks.errorDetail', { error: run.error })}
          </Text>
        </>
      ) : (
        <Text size="sm" fw={600} c={run.findings ? 'orange.8' : 'teal.8'}>
          {run.findings
            ? t('checks.findings', { count: run.findings, n: formatNumber(run.findings) })
            : t('checks.noFindings')}
          {run.signalsCreated ? t('checks.newSignals', { count: run.signalsCreated }) : ''}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('checks.took', { duration: durationWords(t, run.durationMs) })}
      </Text>
      {run.sample.length > 0 ? (
        <details open={open} onToggle={(e) => onOpen(e.currentTarget.open)}>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>
            {t('checks.sample', { count: run.sample.length })}
          </summary>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18, fontSize: 'var(--mantine-font-size-xs)' }}>
            {run.sample.slice(0, 5).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </Stack>
  );
}

/**
 * "Chạy ngay": runs the check, then says what it found with the way to the cases, and refreshes the list. A check
 * already running elsewhere (409) is told in the server's words; other problems are shown under the button.
 */
function useRunCheck(check: Check) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationKey: runKey(check.name),
    mutationFn: () =>
      api<{ ran: boolean; run: CheckRun }>('POST', `/api/checks/${encodeURIComponent(check.name)}/runs`),
    onSuccess: async ({ run }) => {
      await queryClient.invalidateQueries({ queryKey: [listPath] });
      if (run.error) {
        notifications.show({
          color: 'red',
          title: check.title,
          message: t('checks.failed'),
          autoClose: 10_000,
        });
        return;
      }
      notifications.show({
        color: run.findings ? 'orange' : 'teal',
        title: t('checks.ran', { title: check.title }),
        autoClose: 15_000,
        message: (
          <>
            {run.findings
              ? t('checks.findingsToCases', { count: run.findings, n: formatNumber(run.findings) })
              : t('checks.noFindings')}{' '}
            <Anchor
              href={`/app${casesPage}`}
              size="sm"
              onClick={(e) => {
                e.preventDefault();
                void navigate({ to: casesPage });
              }}
            >
              {t('checks.toCases')}
            </Anchor>
          </>
        ),
      });
    },
  });
}

/**
 * A check's run as the row shows it: read from the mutation cache by the check's name, so the spinner and the
 * problem stay when the row is drawn again (the screen crossed the phone breakpoint).
 */
function useRunState(check: Check) {
  const run = useRunCheck(check);
  const states = useMutationState({
    filters: { mutationKey: runKey(check.name) },
    select: (m) => m.state,
  });
  const last = states.at(-1);
  return {
    start: () => run.mutate(),
    pending: last?.status === 'pending',
    error: last?.status === 'error' ? last.error : null,
  };
}

function RunButton({ check, state }: { check: Check; state: ReturnType<typeof useRunState> }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlayerPlay size={14} aria-hidden />}
      loading={state.pending}
      onClick={state.start}
      aria-label={t('checks.runNamed', { title: check.title })}
    >
      {t('checks.run')}
    </Button>
  );
}

function RunProblem({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 409)
    return (
      <Alert color="yellow" role="alert" mt="xs" p="xs">
        {error.problem.title}
      </Alert>
    );
  return <ProblemAlert error={error} />;
}

/** Rows are drawn again when the screen crosses the phone breakpoint: what is open is kept by the page. */
interface Shown {
  open: boolean;
  onOpen: (open: boolean) => void;
}

function CheckRow({ check, phone, shown }: { check: Check; phone: boolean; shown: Shown }) {
  const { t } = useTranslation();
  const run = useRunState(check);
  const explain = t(`checks.explain.${check.name}`, { defaultValue: '' });
  const what = (
    <>
      <Text fw={600}>{check.title}</Text>
      {explain ? (
        <Text size="sm" c="dimmed">
          {explain}
        </Text>
      ) : null}
    </>
  );
  if (phone)
    return (
      <Paper withBorder p="sm" radius="md" component="li" data-check={check.name}>
        <Stack gap="xs">
          <div>{what}</div>
          <LastRun run={check.lastRun} {...shown} />
          <RunButton check={check} state={run} />
          <RunProblem error={run.error} />
        </Stack>
      </Paper>
    );
  return (
    <Table.Tr data-check={check.name}>
      <Table.Td w="40%">{what}</Table.Td>
      <Table.Td>
        <LastRun run={check.lastRun} {...shown} />
      </Table.Td>
      <Table.Td w={220}>
        <RunButton check={check} state={run} />
        <RunProblem error={run.error} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The automatic checks (issue 12 §3): what each looks for, its last run, and a button to run it now. */
export function ChecksPage() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const list = useGet<CheckList>(listPath);
  const items = list.data?.items ?? [];
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const shownOf = (name: string): Shown => ({
    open: open[name] ?? false,
    onOpen: (value) => setOpen((o) => (o[name] === value ? o : { ...o, [name]: value })),
  });
  return (
    <>
      <PageHeader title={t('checks.title')} description={t('checks.description')} />
      {list.data ? (
        <Alert icon={<IconClockPlay aria-hidden />} mb="md" color="blue">
          {scheduleWords(t, list.data.intervalMinutes)} {t('checks.scheduleHint')}
        </Alert>
      ) : null}
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {list.isSuccess && items.length === 0 ? <Alert>{t('checks.empty')}</Alert> : null}
      {items.length > 0 && phone ? (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('checks.title')}
        >
          {items.map((c) => (
            <CheckRow key={c.name} check={c} phone shown={shownOf(c.name)} />
          ))}
        </Stack>
      ) : null}
      {items.length > 0 && !phone ? (
        <Table striped verticalSpacing="sm" aria-label={t('checks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('checks.col.check')}</Table.Th>
              <Table.Th>{t('checks.col.lastRun')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <CheckRow key={c.name} check={c} phone={false} shown={shownOf(c.name)} />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
