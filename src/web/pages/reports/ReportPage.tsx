import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { mayWriteReports, type ReportSummary, stateColor } from './ReportsPage.tsx';
import './words.ts';

interface Indicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  direction: string;
  describe: string | null;
  target: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: 'computed' | 'manual' | 'missing';
  manualSource: string | null;
  met: boolean | null;
}
interface Report extends ReportSummary {
  recipients: string[];
  signerName: string | null;
  signerTitle: string | null;
  notes: string | null;
  live: boolean;
  content: {
    computedAt: string;
    plan: { title: string; decisionNumber: string | null } | null;
    indicators: Indicator[];
    tasks: {
      id: string;
      what: string;
      who: string;
      deadline: string | null;
      state: string;
      overdue: boolean;
    }[];
    figures: { key: string; label: { vi: string; en: string }; total: number; inPeriod: number }[];
  };
}

const metColor = (met: boolean | null) => (met === null ? 'gray' : met ? 'teal' : 'red');

/** One report: indicators against targets, tasks, key figures; a draft's header edited, issued, downloaded. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe().data!;
  const report = useGet<Report>(`/api/periodic-reports/${id}`);
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  if (report.error) return <ProblemAlert error={report.error} />;
  if (!report.data) return null;
  const r = report.data;
  const c = r.content;
  const writer = mayWriteReports(me.role) && r.state === 'draft';
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const number = (n: number) =>
    new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(n);
  const value = (v: number | null, unit: string) =>
    v === null ? '—' : unit === 'percent' ? `${number(v)}%` : number(v);
  const download = async (ext: 'xlsx' | 'pdf') => {
    setProblem(null);
    try {
      await downloadFile(
        'GET',
        `/api/periodic-reports/${r.id}/export.${ext}`,
        `bao-cao-${r.periodFrom}-${r.periodTo}.${ext}`,
      );
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/reports" size="sm">
        ← {t('report.back')}
      </Anchor>
      <PageHeader
        title={r.title}
        description={`${t(`report.kinds.${r.kind}`)} · ${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`}
        actions={
          <Group>
            {writer && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('report.edit')}
              </Button>
            )}
            {writer && <Button onClick={() => setIssuing(true)}>{t('report.issue')}</Button>}
            <Button variant="light" onClick={() => download('xlsx')}>
              {t('report.downloadXlsx')}
            </Button>
            <Button variant="light" onClick={() => download('pdf')}>
              {t('report.downloadPdf')}
            </Button>
          </Group>
        }
      />
      {problem ? <ProblemAlert error={problem} /> : null}
      <Card withBorder>
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={500}>{t('report.stateLabel')}:</Text>
            <Text fw={600} c={stateColor[r.state]}>
              {t(`report.state.${r.state}`)}
            </Text>
            {r.issuedAt ? (
              <Text c="dimmed">
                {t('report.issuedBy', { at: formatDateTime(r.issuedAt), name: r.issuedByName ?? '' })}
              </Text>
            ) : null}
          </Group>
          <Text>
            <Text span fw={500}>
              {t('report.number')}:{' '}
            </Text>
            {r.number ?? t('report.noNumber')}
          </Text>
          <Text>
            <Text span fw={500}>
              {t('report.signer')}:{' '}
            </Text>
            {[r.signerTitle, r.signerName].filter(Boolean).join(' — ') || t('report.noSigner')}
          </Text>
          <Text>
            <Text span fw={500}>
              {t('report.recipients')}:{' '}
            </Text>
            {r.recipients.join('; ') || '—'}
          </Text>
          {c.plan ? (
            <Text>
              <Text span fw={500}>
                {t('report.plan')}:{' '}
              </Text>
              {c.plan.title}
              {c.plan.decisionNumber ? ` (${c.plan.decisionNumber})` : ''}
            </Text>
          ) : (
            <Alert color="yellow">{t('report.noPlan')}</Alert>
          )}
          <Alert color={r.live ? 'orange' : 'teal'} variant="light">
            {r.live
              ? t('report.liveNote', { to: formatDate(r.periodTo) })
              : t('report.frozenNote', { at: formatDateTime(c.computedAt), to: formatDate(r.periodTo) })}
          </Alert>
        </Stack>
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('report.indicators')}
        </Title>
        {c.indicators.length ? (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.code')}</Table.Th>
                <Table.Th>{t('report.indicator')}</Table.Th>
                <Table.Th ta="right">{t('report.target')}</Table.Th>
                <Table.Th ta="right">{t('report.result')}</Table.Th>
                <Table.Th>{t('report.met')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.indicators.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.name}</Text>
                    <Text size="xs" c="dimmed">
                      {i.source === 'manual'
                        ? t('report.manual', { source: i.manualSource ?? '' })
                        : i.source === 'missing'
                          ? t('report.missing')
                          : (i.describe ?? '')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {i.target === null
                      ? t('report.noTarget')
                      : `${i.direction === 'at_most' ? '≤ ' : ''}${value(i.target, i.unit)}`}
                  </Table.Td>
                  <Table.Td ta="right">
                    {value(i.value, i.unit)}
                    {i.numerator !== null && i.denominator !== null ? (
                      <Text size="xs" c="dimmed">
                        {number(i.numerator)}/{number(i.denominator)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={metColor(i.met)} style={{ whiteSpace: 'nowrap' }}>
                      {t(`report.metWords.${i.met === null ? 'unknown' : i.met ? 'yes' : 'no'}`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="dimmed">{t('report.noIndicators')}</Text>
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('report.tasks')}
        </Title>
        {c.tasks.length ? (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.task')}</Table.Th>
                <Table.Th>{t('report.who')}</Table.Th>
                <Table.Th>{t('report.deadline')}</Table.Th>
                <Table.Th>{t('report.taskState')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.tasks.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.what}</Table.Td>
                  <Table.Td>{x.who}</Table.Td>
                  <Table.Td>{formatDate(x.deadline)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={x.state === 'done' ? 'teal' : x.overdue ? 'red' : undefined}>
                      {t(`report.taskStates.${x.state}`, { defaultValue: x.state })}
                      {x.overdue && x.state !== 'done' ? ` (${t('report.overdue')})` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="dimmed">{t('report.noTasks')}</Text>
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('report.figures')}
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.figure')}</Table.Th>
              <Table.Th ta="right">{t('report.inPeriod')}</Table.Th>
              <Table.Th ta="right">{t('report.total', { to: formatDate(r.periodTo) })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.figures.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td>{f.label[lang]}</Table.Td>
                <Table.Td ta="right">{number(f.inPeriod)}</Table.Td>
                <Table.Td ta="right">{number(f.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      {r.notes ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('report.notes')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</Text>
        </Card>
      ) : null}
      {editing && <HeaderForm report={r} onClose={() => setEditing(false)} />}
      {issuing && <IssueDialog report={r} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}

/** The draft's header: subject, number, signer, recipients (one a line) and the department's own words. */
function HeaderForm({ report, onClose }: { report: Report; onClose(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(report.title);
  const [number, setNumber] = useState(report.number ?? '');
  const [signerTitle, setSignerTitle] = useState(report.signerTitle ?? '');
  const [signerName, setSignerName] = useState(report.signerName ?? '');
  const [recipients, setRecipients] = useState(report.recipients.join('\n'));
  const [notes, setNotes] = useState(report.notes ?? '');
  const send = useSend<object>('PUT', `/api/periodic-reports/${report.id}`, {
    invalidate: ['/api/periodic-reports'],
    success: 'report.saved',
  });
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    send.mutate(
      {
        title,
        number: number || null,
        signerTitle: signerTitle || null,
        signerName: signerName || null,
        recipients: recipients
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        notes: notes || null,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={t('report.edit')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <TextInput
        label={t('report.subject')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <TextInput
        label={t('report.number')}
        placeholder="125/BC-SKHCN"
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
      />
      <Group grow>
        <TextInput
          label={t('report.signerTitle')}
          value={signerTitle}
          onChange={(e) => setSignerTitle(e.currentTarget.value)}
        />
        <TextInput
          label={t('report.signerName')}
          value={signerName}
          onChange={(e) => setSignerName(e.currentTarget.value)}
        />
      </Group>
      <Textarea
        label={t('report.recipients')}
        description={t('report.recipientsHint')}
        autosize
        minRows={3}
        value={recipients}
        onChange={(e) => setRecipients(e.currentTarget.value)}
      />
      <Textarea
        label={t('report.notes')}
        autosize
        minRows={4}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}

/** "Ban hành": asks first; once issued the figures are frozen and the report can no longer change. */
function IssueDialog({ report, onClose }: { report: Report; onClose(): void }) {
  const { t } = useTranslation();
  const send = useSend<object>('POST', `/api/periodic-reports/${report.id}/issue`, {
    invalidate: ['/api/periodic-reports'],
    success: 'report.issued',
  });
  return (
    <Modal opened onClose={onClose} title={t('report.issue')}>
      <Stack>
        <Alert color="orange">{t('report.issueHint')}</Alert>
        {send.error ? <ProblemAlert error={send.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={send.isPending} onClick={() => send.mutate({}, { onSuccess: onClose })}>
            {t('report.issueConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
