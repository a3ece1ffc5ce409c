import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSend } from '../../api/hooks.ts';
import { DateField } from '../../components/DateField.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCommunes } from '../inspections/PlansPage.tsx';
import { kinds, type Question, type QuestionKind, rowKey, type Survey } from './survey-types.ts';

const sectors = ['agriculture', 'industry_trade', 'health'];
type Draft = Question & { key: string };
const withKeys = (qs: Question[]): Draft[] => qs.map((q) => ({ ...q, key: q.id ?? rowKey() }));
const blank = (): Draft => ({
  key: rowKey(),
  kind: 'single',
  text: '',
  required: true,
  choices: [],
  unit: null,
  feedsTraceability: false,
});

/** The admin's designer of a draft: its title, dates and recipients, and its questions in order. */
export function SurveyDesigner({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const [title, setTitle] = useState(survey.title);
  const [purpose, setPurpose] = useState(survey.purpose ?? '');
  const [opensOn, setOpens] = useState(survey.opensOn);
  const [closesOn, setCloses] = useState(survey.closesOn);
  const [communeCodes, setCommunes] = useState(survey.communes.map((c) => c.code));
  const [chosenSectors, setSectors] = useState(survey.sectors);
  const [questions, setQuestions] = useState<Draft[]>(withKeys(survey.questions));
  const [sending, setSending] = useState(false);
  const save = useSend<object, Survey>('PUT', `/api/surveys/${survey.id}`, {
    invalidate: ['/api/surveys'],
    success: 'survey.saved',
  });
  const send = useSend<void, Survey>('POST', `/api/surveys/${survey.id}/send`, {
    invalidate: ['/api/surveys'],
    success: 'survey.sent',
  });
  const body = () => ({
    title,
    purpose: purpose || undefined,
    opensOn,
    closesOn,
    communeCodes,
    sectors: chosenSectors,
    questions: questions.map(({ key: _key, ...q }) => ({ ...q, unit: q.unit || null })),
  });
  const change = (i: number, patch: Partial<Question>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const move = (i: number, by: -1 | 1) =>
    setQuestions((qs) => {
      const next = [...qs];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const problem = save.error ?? send.error;
  return (
    <Stack>
      <Title order={1} size="h2">
        {title || t('survey.create')}
      </Title>
      <Paper withBorder p="md">
        <Stack>
          <TextInput
            label={t('survey.name')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('survey.purpose')}
            autosize
            minRows={2}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('survey.opensOn')} required value={opensOn} onChange={setOpens} />
            <DateField label={t('survey.closesOn')} required value={closesOn} onChange={setCloses} />
          </SimpleGrid>
          <MultiSelect
            label={t('survey.communes')}
            searchable
            value={communeCodes}
            onChange={setCommunes}
            data={communes.map((u) => ({ value: u.code, label: u.name }))}
          />
          <MultiSelect
            label={t('survey.sectors')}
            value={chosenSectors}
            onChange={setSectors}
            data={sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
          />
        </Stack>
      </Paper>
      <Title order={2} size="h3">
        {t('survey.questions')}
      </Title>
      {!questions.length ? <Alert>{t('survey.noQuestions')}</Alert> : null}
      {questions.map((q, i) => (
        <Paper key={q.key} withBorder p="md" data-testid="question">
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600}>{t('survey.question', { n: i + 1 })}</Text>
              <Group gap={4}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('survey.moveUp')}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  <IconArrowUp size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('survey.moveDown')}
                  disabled={i === questions.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <IconArrowDown size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('survey.remove')}
                  onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            </Group>
            <TextInput
              label={t('survey.questionText')}
              required
              value={q.text}
              onChange={(e) => change(i, { text: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('survey.kind')}
                allowDeselect={false}
                value={q.kind}
                onChange={(v) => change(i, { kind: v as QuestionKind, feedsTraceability: false })}
                data={kinds.map((k) => ({ value: k, label: t(`survey.kinds.${k}`) }))}
              />
              <Switch
                mt={{ sm: 30 }}
                label={t('survey.required')}
                checked={q.required}
                onChange={(e) => change(i, { required: e.currentTarget.checked })}
              />
            </SimpleGrid>
            {q.kind === 'single' || q.kind === 'multiple' ? (
              <TagsInput
                label={t('survey.choices')}
                description={t('survey.choicesHint')}
                value={q.choices}
                onChange={(choices) => change(i, { choices })}
              />
            ) : null}
            {q.kind === 'number' ? (
              <TextInput
                label={t('survey.unit')}
                w={200}
                value={q.unit ?? ''}
                onChange={(e) => change(i, { unit: e.currentTarget.value })}
              />
            ) : null}
            {q.kind === 'yes_no' ? (
              <Checkbox
                label={t('survey.feedsTraceability')}
                checked={q.feedsTraceability}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setQuestions((qs) =>
                    qs.map((x, j) => ({
                      ...x,
                      feedsTraceability: j === i ? on : on ? false : x.feedsTraceability,
                    })),
                  );
                }}
              />
            ) : null}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => setQuestions((qs) => [...qs, blank()])}>
          {t('survey.addQuestion')}
        </Button>
      </Group>
      <ProblemAlert error={problem} />
      <Group justify="flex-end">
        <Button
          variant="default"
          loading={save.isPending}
          onClick={() =>
            save.mutate(body(), { onSuccess: (saved) => setQuestions(withKeys(saved.questions)) })
          }
        >
          {t('survey.saveDraft')}
        </Button>
        <Button onClick={() => save.mutate(body(), { onSuccess: () => setSending(true) })}>
          {t('survey.send')}
        </Button>
      </Group>
      <Modal opened={sending} onClose={() => setSending(false)} title={t('survey.send')}>
        <Stack>
          <Text>{t('survey.sendConfirm')}</Text>
          <ProblemAlert error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSending(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              onClick={() => send.mutate(undefined, { onSuccess: () => setSending(false) })}
            >
              {t('survey.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
