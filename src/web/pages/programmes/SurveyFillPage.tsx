import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../format.ts';
import type { Answer, Reached, Survey } from './survey-types.ts';
import './words.ts';

interface SavedResponse {
  organisationId: string;
  organisationName: string;
  answers: Record<string, Answer>;
  answeredByName: string;
  updatedAt: string;
}

/**
 * Filling a survey in, made for a commune officer's phone: one organisation at a time (chosen from those of their
 * scope, each marked answered or not), each question with large controls, one Save; a saved response reopens.
 */
export function SurveyFillPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const survey = useGet<Survey>(`/api/surveys/${id}`);
  const reached = useGet<{ items: Reached[] }>(`/api/surveys/${id}/organisations`);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const orgs = reached.data?.items ?? [];
  const s = survey.data;
  const answered = orgs.filter((o) => o.responseId).length;
  const chosen = orgs.find((o) => o.id === organisationId);
  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to={`/surveys/${id}`} size="sm">
        {t('survey.back')}
      </Anchor>
      <ProblemAlert error={survey.error ?? reached.error} />
      {s ? (
        <>
          <Title order={1} size="h3">
            {t('survey.fillTitle', { title: s.title })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('survey.fillHint')}
          </Text>
          {!s.open ? <Alert color="orange">{t('survey.fillClosed')}</Alert> : null}
          {reached.isSuccess && !orgs.length ? <Alert>{t('survey.noOrganisations')}</Alert> : null}
          {orgs.length ? (
            <>
              <Text size="sm" fw={600} data-testid="done-count">
                {t('survey.doneCount', { answered, reached: orgs.length })}
              </Text>
              <Select
                label={t('survey.organisation')}
                placeholder={t('survey.chooseOrganisation')}
                size="lg"
                searchable
                value={organisationId}
                onChange={setOrganisationId}
                data={orgs.map((o) => ({
                  value: o.id,
                  label: `${o.name} — ${o.responseId ? t('survey.doneMark') : t('survey.todoMark')}`,
                }))}
                comboboxProps={{ withinPortal: true }}
              />
              {chosen ? (
                <Text size="md" fw={600}>
                  {chosen.name}
                  <Text component="span" size="sm" c="dimmed" fw={400}>
                    {' '}
                    · {chosen.communeName ?? '—'}
                  </Text>
                </Text>
              ) : null}
            </>
          ) : null}
          {s.open && chosen ? (
            <AnswerForm
              key={organisationId}
              survey={s}
              organisation={chosen!}
              next={orgs.find((o) => !o.responseId && o.id !== organisationId)?.id ?? null}
              onNext={setOrganisationId}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function AnswerForm({
  survey,
  organisation,
  next,
  onNext,
}: {
  survey: Survey;
  organisation: Reached;
  next: string | null;
  onNext(id: string): void;
}) {
  const { t } = useTranslation();
  const saved = useGet<{ response: SavedResponse | null }>(
    `/api/surveys/${survey.id}/responses/${organisation.id}`,
  );
  const [answers, setAnswers] = useState<Record<string, Answer | null>>({});
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (saved.isSuccess && !loaded) {
      setAnswers(saved.data.response?.answers ?? {});
      setLoaded(true);
    }
  }, [saved.isSuccess, saved.data, loaded]);
  const save = useSend<object, SavedResponse>('PUT', `/api/surveys/${survey.id}/responses`, {
    invalidate: ['/api/surveys'],
    success: 'common.saved',
  });
  const errors = new Map(
    ((save.error as ApiError | null)?.problem?.errors ?? []).map((e) => [
      e.field.split('/').at(-1),
      e.message,
    ]),
  );
  const set = (qid: string, value: Answer | null) => setAnswers((a) => ({ ...a, [qid]: value }));
  const response = save.data ?? saved.data?.response ?? null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { organisationId: organisation.id, answers },
      {
        onSuccess: () => window.scrollTo({ top: 0, behavior: 'smooth' }),
      },
    );
  };
  if (!loaded) return <ProblemAlert error={saved.error} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {response ? (
          <Alert color="teal" data-testid="saved-note">
            {save.data ? `${t('survey.answersSaved', { name: organisation.name })}. ` : ''}
            {t('survey.savedAt', { at: formatDateTime(response.updatedAt), by: response.answeredByName })}
          </Alert>
        ) : null}
        {survey.questions.map((q, i) => {
          const value = answers[q.id];
          const error = errors.get(q.id);
          const label = (
            <Text fw={600} size="md" component="span">
              {i + 1}. {q.text}
              {q.required ? (
                <Text component="span" c="red">
                  {' '}
                  *
                </Text>
              ) : (
                <Text component="span" c="dimmed" size="sm">
                  {' '}
                  ({t('survey.optional')})
                </Text>
              )}
            </Text>
          );
          return (
            <Paper key={q.id} withBorder p="md" data-question={q.id}>
              {q.kind === 'single' ? (
                <Radio.Group
                  label={label}
                  value={typeof value === 'string' ? value : null}
                  onChange={(v) => set(q.id, v)}
                  error={error}
                >
                  <Stack gap="sm" mt="sm">
                    {q.choices.map((c) => (
                      <Radio key={c} value={c} label={c} size="md" />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : null}
              {q.kind === 'multiple' ? (
                <Checkbox.Group
                  label={label}
                  value={Array.isArray(value) ? value : []}
                  onChange={(v) => set(q.id, v)}
                  error={error}
                >
                  <Stack gap="sm" mt="sm">
                    {q.choices.map((c) => (
                      <Checkbox key={c} value={c} label={c} size="md" />
                    ))}
                  </Stack>
                </Checkbox.Group>
              ) : null}
              {q.kind === 'yes_no' ? (
                <Stack gap="xs">
                  {label}
                  <SegmentedControl
                    fullWidth
                    size="lg"
                    aria-label={q.text}
                    value={value === true ? 'yes' : value === false ? 'no' : ''}
                    onChange={(v) => set(q.id, v === 'yes')}
                    data={[
                      { value: 'yes', label: t('survey.yes') },
                      { value: 'no', label: t('survey.no') },
                    ]}
                  />
                  {error ? (
                    <Text c="red" size="sm">
                      {error}
                    </Text>
                  ) : null}
                </Stack>
              ) : null}
              {q.kind === 'number' ? (
                <NumberInput
                  label={label}
                  size="lg"
                  min={0}
                  clampBehavior="none"
                  decimalSeparator=","
                  allowedDecimalSeparators={[',', '.']}
                  inputMode="decimal"
                  placeholder={t('survey.numberPlaceholder')}
                  rightSection={q.unit ? <Text size="sm">{q.unit}</Text> : null}
                  rightSectionWidth={q.unit ? 80 : undefined}
                  value={typeof value === 'number' ? value : ''}
                  onChange={(v) => set(q.id, typeof v === 'number' ? v : v === '' ? null : Number(v))}
                  error={error}
                />
              ) : null}
              {q.kind === 'text' ? (
                <Textarea
                  label={label}
                  size="lg"
                  autosize
                  minRows={2}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => set(q.id, e.currentTarget.value)}
                  error={error}
                />
              ) : null}
            </Paper>
          );
        })}
        <ProblemAlert error={save.error} />
        <Button type="submit" size="lg" fullWidth loading={save.isPending}>
          {t('survey.saveAnswers')}
        </Button>
        {save.isSuccess && next ? (
          <Group justify="center">
            <Button variant="light" size="lg" fullWidth onClick={() => onNext(next)}>
              {t('survey.next')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
