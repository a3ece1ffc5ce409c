import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { mayOpenPath } from '../../layout/access.ts';
import { type CaseSummary, caseNumber, sourceWords, subjectWords } from './CasesPage.tsx';
import './words.ts';

interface CaseDetail extends Omit<CaseSummary, 'signalCount' | 'sources'> {
  outcomeText: string | null;
  mayAct: boolean;
  signals: {
    id: string;
    source: string;
    summary: string;
    evidence: Record<string, unknown>;
    count: number;
    firstSeenAt: string;
    lastSeenAt: string;
  }[];
  steps: {
    id: string;
    kind: string;
    note: string | null;
    actorName: string;
    at: string;
    toState: string | null;
  }[];
  reports: {
    id: string;
    serial: string | null;
    gtin: string | null;
    productName: string | null;
    message: string;
    phone: string | null;
    photoUrl: string | null;
    createdAt: string;
    toldAt: string | null;
    toTell: string | null;
  }[];
}

interface CaseVisit {
  id: string;
  visitedOn: string;
  caseId: string | null;
  checklist: { result: string }[];
  findings: { id: string }[];
}

/** The visits recorded for this case ("Ghi nhận kiểm tra"), among the organisation's visits. */
function CaseVisits({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const visits = useGet<{ items: CaseVisit[] }>('/api/inspections/visits', {
    organisationId: c.subject.organisationId,
    pageSize: 50,
  });
  const mine = (visits.data?.items ?? []).filter((v) => v.caseId === c.id);
  if (mine.length === 0) return null;
  return (
    <>
      <Title order={2} size="h4">
        {t('cases.visits')}
      </Title>
      {mine.map((v) => (
        <Anchor key={v.id} component={Link} to={`/inspections?caseId=${c.id}`}>
          {t('cases.visitLine', {
            date: formatDate(v.visitedOn),
            failed: v.checklist.filter((i) => i.result === 'fail').length,
            findings: v.findings.length,
          })}
        </Anchor>
      ))}
    </>
  );
}

type Action = 'assign' | 'start' | 'close';
const outcomes = ['confirmed_fraud', 'no_violation', 'referred', 'duplicate', 'insufficient_evidence'];

function ActionDialog({ c, action, onClose }: { c: CaseDetail; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [outcomeText, setOutcomeText] = useState('');
  const [note, setNote] = useState('');
  const people = useGet<{ items: { id: string; name: string; role: string }[] }>(
    action === 'assign' ? '/api/cases/assignees' : null,
  );
  const send = useSend<object>('POST', `/api/cases/${c.id}/actions`, {
    invalidate: ['/api/cases'],
    success: `cases.done.${action}`,
  });
  const body =
    action === 'assign'
      ? { action, assigneeId, note: note || undefined }
      : action === 'close'
        ? { action, outcome, outcomeText, note: note || undefined }
        : { action, note: note || undefined };
  return (
    <Modal opened onClose={onClose} title={t(`cases.confirm.${action}`, { number: caseNumber(c.number) })}>
      <Stack>
        <ProblemAlert error={send.error} />
        {action === 'assign' ? (
          <Select
            label={t('cases.assignee')}
            required
            searchable
            value={assigneeId}
            onChange={setAssigneeId}
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} (${t(`role.${p.role}`)})`,
            }))}
          />
        ) : null}
        {action === 'close' ? (
          <>
            <Select
              label={t('cases.outcome')}
              required
              value={outcome}
              onChange={setOutcome}
              data={outcomes.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
            />
            <Textarea
              label={t('cases.outcomeText')}
              required
              autosize
              minRows={3}
              value={outcomeText}
              onChange={(e) => setOutcomeText(e.currentTarget.value)}
            />
          </>
        ) : null}
        <Textarea
          label={t('cases.note')}
          autosize
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={send.isPending} onClick={() => send.mutate(body, { onSuccess: onClose })}>
            {t(`cases.action.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const links: { to: string; label: string }[] = [];
  if (typeof evidence.lotId === 'string')
    links.push({ to: `/lots/${evidence.lotId}`, label: t('cases.link.lot') });
  if (Array.isArray(evidence.lotIds))
    for (const id of evidence.lotIds.filter((x): x is string => typeof x === 'string').slice(0, 5))
      links.push({ to: `/lots/${id}`, label: t('cases.link.lot') });
  if (typeof evidence.visitId === 'string') links.push({ to: '/inspections', label: t('cases.link.visit') });
  if (typeof evidence.gtin === 'string') links.push({ to: '/stamps', label: t('cases.link.stamps') });
  // only the pages the reader may open (the stamps page is not an inspector's: no link to a no-access page)
  const unique = [...new Map(links.map((l) => [l.to, l])).values()].filter(
    (l) => role && mayOpenPath(l.to, role),
  );
  if (unique.length === 0) return null;
  return (
    <Group gap="xs">
      {unique.map((l) => (
        <Anchor key={l.to} component={Link} to={l.to} size="sm">
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const found = useGet<CaseDetail>(`/api/cases/${id}`);
  const [action, setAction] = useState<Action | null>(null);
  const told = useSend<{ reportId: string }>('POST', `/api/cases/${id}/reporter-told`, {
    invalidate: ['/api/cases'],
    success: 'cases.done.told',
  });
  const back = (
    <Button component={Link} to="/cases" variant="default" leftSection={<IconArrowBackUp size={16} />}>
      {t('cases.back')}
    </Button>
  );
  if (found.error)
    return (
      <Stack>
        <ProblemAlert error={found.error} />
        <div>{back}</div>
      </Stack>
    );
  const c = found.data;
  if (!c) return null;
  const allowed: Action[] =
    c.state === 'triage'
      ? ['assign', 'close']
      : c.state === 'assigned'
        ? ['start', 'assign']
        : c.state === 'handling'
          ? ['close', 'assign']
          : [];
  return (
    <Stack>
      <PageHeader
        title={`${t('cases.case')} ${caseNumber(c.number)}`}
        description={subjectWords(t, c.subject)}
        actions={
          <>
            {back}
            {c.mayAct && c.state !== 'closed' ? (
              <Button component={Link} to={`/inspections?caseId=${c.id}`} variant="light">
                {t('cases.recordVisit')}
              </Button>
            ) : null}
            {c.mayAct
              ? allowed.map((a) => (
                  <Button key={a} onClick={() => setAction(a)} variant={a === 'close' ? 'filled' : 'light'}>
                    {t(`cases.action.${a}`)}
                  </Button>
                ))
              : null}
          </>
        }
      />
      <Group>
        <Badge size="lg">{c.stateWords}</Badge>
        {c.assigneeName ? <Text>{t('cases.assignedTo', { name: c.assigneeName })}</Text> : null}
      </Group>
      {c.outcomeWords ? <Alert title={c.outcomeWords}>{c.outcomeText}</Alert> : null}
      {c.reports
        .filter((r) => r.toTell)
        .map((r) => (
          <Alert key={r.id} color="orange" title={t('cases.toTell')}>
            <Text mb="xs">{r.toTell}</Text>
            {c.mayAct ? (
              <Button size="xs" loading={told.isPending} onClick={() => told.mutate({ reportId: r.id })}>
                {t('cases.told')}
              </Button>
            ) : null}
          </Alert>
        ))}
      <ProblemAlert error={told.error} />
      <Title order={2} size="h4">
        {t('cases.signals')}
      </Title>
      {c.signals.map((s) => (
        <Card key={s.id} withBorder>
          <Group justify="space-between">
            <Badge variant="light">{sourceWords(t, s.source)}</Badge>
            <Text size="sm" c="dimmed">
              {t('cases.seen', { count: s.count, last: formatDateTime(s.lastSeenAt) })}
            </Text>
          </Group>
          <Text mt="xs">{s.summary}</Text>
          <Evidence evidence={s.evidence} />
        </Card>
      ))}
      {c.mayAct ? <CaseVisits c={c} /> : null}
      {c.reports.length > 0 ? (
        <>
          <Title order={2} size="h4">
            {t('cases.reports')}
          </Title>
          {c.reports.map((r) => (
            <Card key={r.id} withBorder>
              <Group align="flex-start">
                {r.photoUrl ? (
                  <Anchor href={r.photoUrl} target="_blank">
                    <Image
                      src={r.photoUrl}
                      alt={t('cases.queue.photo')}
                      w={96}
                      h={96}
                      fit="cover"
                      radius="sm"
                    />
                  </Anchor>
                ) : null}
                <Stack gap={4}>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(r.createdAt)}
                    {r.productName ? ` · ${r.productName}` : ''}
                    {r.serial ? ` · ${t('cases.queue.serial')} ${r.serial}` : ''}
                    {` · ${r.phone ?? t('cases.queue.noPhone')}`}
                  </Text>
                  <Text>{r.message}</Text>
                  {r.toldAt ? (
                    <Text size="sm" c="teal">
                      {t('cases.toldAt', { at: formatDateTime(r.toldAt) })}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
            </Card>
          ))}
        </>
      ) : null}
      <Title order={2} size="h4">
        {t('cases.steps')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={c.steps.length - 1}>
        {c.steps.map((s) => (
          <Timeline.Item key={s.id} title={t(`cases.step.${s.kind}`)}>
            {s.note ? <Text size="sm">{s.note}</Text> : null}
            <Text size="xs" c="dimmed">
              {s.actorName} · {formatDateTime(s.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {action ? <ActionDialog c={c} action={action} onClose={() => setAction(null)} /> : null}
    </Stack>
  );
}
