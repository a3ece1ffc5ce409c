import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSend } from '../../api/hooks.ts';
import { DateField } from '../../components/DateField.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import './words.ts';

export interface FindingView {
  id: string;
  text: string;
  fileIds: string[];
  fixBy: string | null;
  fixResult: 'fixed' | 'not_fixed' | null;
  fixCheckedIn: string | null;
}
export interface Sanction {
  id: string;
  findingId: string | null;
  decisionNumber: string;
  decidedOn: string;
  amountVnd: number;
  legalBasis: string;
}

/** What a follow-up visit found about a finding: fixed (green) or not (red). */
export function FixResult({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  if (!finding.fixResult) return null;
  return (
    <Badge color={finding.fixResult === 'fixed' ? 'teal' : 'red'} variant="light">
      {t(`inspection.fixResult.${finding.fixResult}`)}
    </Badge>
  );
}

/** A follow-up visit: the findings it checks again, each marked fixed or not fixed. */
export function FollowUps({
  visitId,
  findings,
  writer,
}: {
  visitId: string;
  findings: FindingView[];
  writer: boolean;
}) {
  const { t } = useTranslation();
  const send = useSend<{ findingId: string; result: string }>(
    'POST',
    `/api/inspections/visits/${visitId}/follow-ups`,
    {
      invalidate: ['/api/inspections'],
      success: 'inspection.followUpSaved',
    },
  );
  if (!findings.length) return null;
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5">
        {t('inspection.followsUp')}
      </Title>
      {findings.map((f) => (
        <Group key={f.id} justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm">{f.text}</Text>
            {f.fixBy && (
              <Text size="xs" c="dimmed">
                {t('inspection.fixBy', { date: formatDate(f.fixBy) })}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {f.fixCheckedIn === visitId ? <FixResult finding={f} /> : null}
            {writer && (
              <>
                <Button
                  size="xs"
                  variant="light"
                  color="teal"
                  loading={send.isPending}
                  onClick={() => send.mutate({ findingId: f.id, result: 'fixed' })}
                >
                  {t('inspection.markFixed')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={send.isPending}
                  onClick={() => send.mutate({ findingId: f.id, result: 'not_fixed' })}
                >
                  {t('inspection.markNotFixed')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      ))}
      {send.error && <ProblemAlert error={send.error} />}
    </Stack>
  );
}

/** The fine decisions of a visit (the owner reads them in its conclusions); inspectors record new ones. */
export function Sanctions({
  visitId,
  sanctions,
  findings,
  writer,
}: {
  visitId: string;
  sanctions: Sanction[];
  findings: FindingView[];
  writer: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!sanctions.length && !writer) return null;
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5">
        {t('inspection.sanctions')}
      </Title>
      {sanctions.length ? (
        sanctions.map((s) => (
          <Stack key={s.id} gap={0}>
            <Text size="sm" fw={500}>
              {t('inspection.sanctionLine', {
                number: s.decisionNumber,
                date: formatDate(s.decidedOn),
                amount: formatNumber(s.amountVnd),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('inspection.legalBasis')}: {s.legalBasis}
              {s.findingId ? ` · ${findings.find((f) => f.id === s.findingId)?.text ?? ''}` : ''}
            </Text>
          </Stack>
        ))
      ) : (
        <Text size="sm" c="dimmed">
          {t('inspection.noSanctions')}
        </Text>
      )}
      {writer &&
        (open ? (
          <SanctionForm visitId={visitId} findings={findings} onDone={() => setOpen(false)} />
        ) : (
          <Group>
            <Button size="xs" variant="light" onClick={() => setOpen(true)}>
              {t('inspection.addSanction')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

function SanctionForm({
  visitId,
  findings,
  onDone,
}: {
  visitId: string;
  findings: FindingView[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [decisionNumber, setNumber] = useState('');
  const [decidedOn, setDate] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [legalBasis, setBasis] = useState('');
  const [findingId, setFinding] = useState<string | null>(null);
  const send = useSend<object>('POST', `/api/inspections/visits/${visitId}/sanctions`, {
    invalidate: ['/api/inspections'],
    success: 'inspection.sanctionSaved',
  });
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('inspection.decisionNumber')}
          required
          value={decisionNumber}
          onChange={(e) => setNumber(e.currentTarget.value)}
        />
        <DateField label={t('inspection.decidedOn')} required value={decidedOn} onChange={setDate} />
        <NumberInput
          label={t('inspection.amountVnd')}
          required
          thousandSeparator="."
          decimalSeparator=","
          value={amount}
          onChange={setAmount}
        />
      </SimpleGrid>
      <Textarea
        label={t('inspection.legalBasis')}
        required
        value={legalBasis}
        onChange={(e) => setBasis(e.currentTarget.value)}
      />
      {findings.length ? (
        <Select
          label={t('inspection.sanctionFinding')}
          clearable
          value={findingId}
          onChange={setFinding}
          data={findings.map((f) => ({ value: f.id, label: f.text }))}
        />
      ) : null}
      {send.error && <ProblemAlert error={send.error} />}
      <Group>
        <Button
          size="sm"
          loading={send.isPending}
          onClick={() =>
            send.mutate(
              {
                decisionNumber,
                decidedOn,
                amountVnd: amount === '' ? undefined : Number(amount),
                legalBasis,
                findingId: findingId ?? undefined,
              },
              { onSuccess: onDone },
            )
          }
        >
          {t('inspection.saveSanction')}
        </Button>
        <Button size="sm" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
