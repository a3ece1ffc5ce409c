import { Alert, Box, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatNumber } from '../../format.ts';
import type { Group as ResultGroup, Results, Survey, Tally } from './survey-types.ts';

/** A bar per choice: its count and its share of those who answered the question, drawn as a plain box. */
function Bars({ tally }: { tally: Tally }) {
  const { t } = useTranslation();
  const top = Math.max(1, tally.answered);
  return (
    <Stack gap={6}>
      {tally.counts.map((c) => (
        <Box key={c.choice}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">
              {c.choice === 'Có' ? t('survey.yes') : c.choice === 'Không' ? t('survey.no') : c.choice}
            </Text>
            <Text size="sm" fw={600}>
              {c.count} ({Math.round((c.count / top) * 100)}%)
            </Text>
          </Group>
          <Box bg="gray.2" h={12} style={{ borderRadius: 6 }}>
            <Box bg="blue.6" h={12} w={`${(c.count / top) * 100}%`} style={{ borderRadius: 6 }} aria-hidden />
          </Box>
        </Box>
      ))}
    </Stack>
  );
}

function QuestionResult({ q, n, tally }: { q: Survey['questions'][number]; n: number; tally: Tally }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>
          {n}. {q.text}
        </Text>
        <Text size="xs" c="dimmed">
          {t('survey.answeredCount', { count: tally.answered })}
        </Text>
        {!tally.answered ? <Text size="sm">{t('survey.noAnswers')}</Text> : null}
        {tally.answered && tally.counts.length ? <Bars tally={tally} /> : null}
        {tally.answered && q.kind === 'number' ? (
          <Text size="sm">
            {t('survey.sum')}: <b>{formatNumber(tally.sum)}</b> {q.unit ?? ''} · {t('survey.mean')}:{' '}
            <b>{formatNumber(tally.mean)}</b> {q.unit ?? ''}
          </Text>
        ) : null}
        {tally.texts.length ? (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {tally.texts.map((text) => `– ${text}`).join('\n')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** One row per commune or sector: organisations, answered, and for each choice question its leading counts. */
function GroupTable({ groups, survey }: { groups: ResultGroup[]; survey: Survey }) {
  const { t } = useTranslation();
  const shown = survey.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.kind !== 'text');
  const cell = (g: ResultGroup, i: number) => {
    const tally = g.questions[i]!;
    if (!tally.answered) return '—';
    if (survey.questions[i]!.kind === 'number') return `${t('survey.sum')} ${formatNumber(tally.sum)}`;
    return tally.counts.map((c) => `${c.choice}: ${c.count}`).join(' · ');
  };
  return (
    <Table.ScrollContainer minWidth={260 + shown.length * 180}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('survey.group')}</Table.Th>
            <Table.Th>{t('survey.reached')}</Table.Th>
            <Table.Th>{t('survey.answered')}</Table.Th>
            {shown.map(({ q, i }) => (
              <Table.Th key={q.id} miw={180}>
                {i + 1}. {q.text}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td>{g.reached}</Table.Td>
              <Table.Td>{g.answered}</Table.Td>
              {shown.map(({ q, i }) => (
                <Table.Td key={q.id}>{cell(g, i)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A survey's results within the reader's scope, overall and per commune and sector, and who has not answered. */
export function SurveyResults({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const results = useGet<Results>(`/api/surveys/${survey.id}/results`);
  const [by, setBy] = useState<'commune' | 'sector'>('commune');
  const r = results.data;
  if (!r) return <ProblemAlert error={results.error} />;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('survey.results')} —{' '}
        {t('survey.answeredOf', { answered: r.overall.answered, reached: r.overall.reached })}
      </Title>
      {survey.questions.map((q, i) => (
        <QuestionResult key={q.id} q={q} n={i + 1} tally={r.overall.questions[i]!} />
      ))}
      <Group justify="space-between">
        <Title order={3} size="h4">
          {by === 'commune' ? t('survey.byCommune') : t('survey.bySector')}
        </Title>
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'commune' | 'sector')}
          data={[
            { value: 'commune', label: t('survey.byCommune') },
            { value: 'sector', label: t('survey.bySector') },
          ]}
        />
      </Group>
      <GroupTable groups={by === 'commune' ? r.byCommune : r.bySector} survey={survey} />
      <Title order={3} size="h4">
        {t('survey.notAnswered')} ({r.notAnswered.length})
      </Title>
      {r.notAnswered.length ? (
        <Table striped>
          <Table.Tbody>
            {r.notAnswered.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{o.communeName ?? '—'}</Table.Td>
                <Table.Td>{t(`sector.${o.sector}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Alert color="teal">{t('survey.allAnswered')}</Alert>
      )}
    </Stack>
  );
}
