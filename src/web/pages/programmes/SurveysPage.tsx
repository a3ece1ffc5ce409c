import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { mayAnswer, mayDesign, type Survey, stateColor } from './survey-types.ts';
import './words.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Status-and-needs surveys (issue 13 §2): the department designs and sends them; the officers they are sent to
 * fill them in per organisation and read the results of their communes or sector.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const navigate = useNavigate();
  const list = useGet<{ items: Survey[] }>('/api/surveys');
  const create = useSend<object, Survey>('POST', '/api/surveys', {
    invalidate: ['/api/surveys'],
    success: 'survey.saved',
  });
  const items = list.data?.items ?? [];
  const startDraft = () =>
    create.mutate(
      {
        title: t('survey.title'),
        opensOn: isoDay(new Date()),
        closesOn: isoDay(new Date(Date.now() + 30 * 864e5)),
        questions: [],
      },
      { onSuccess: (s) => navigate({ to: `/surveys/${s.id}` }) },
    );
  return (
    <>
      <PageHeader
        title={t('survey.title')}
        description={t('survey.description')}
        actions={
          mayDesign(me.role) ? (
            <Button onClick={startDraft} loading={create.isPending}>
              {t('survey.create')}
            </Button>
          ) : null
        }
      />
      <Stack>
        <ProblemAlert error={create.error ?? list.error} />
        {list.isSuccess && !items.length ? (
          <Alert>{mayDesign(me.role) ? t('survey.empty') : t('survey.emptyOfficer')}</Alert>
        ) : null}
        {items.map((s) => (
          <Paper key={s.id} withBorder p="md" data-testid="survey-card">
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Anchor component={Link} to={`/surveys/${s.id}`} fw={600}>
                  {s.title}
                </Anchor>
                <Badge color={stateColor[s.state]} variant="light" style={{ flexShrink: 0 }}>
                  {t(`survey.state.${s.state}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {t('survey.period')}: {formatDate(s.opensOn)} – {formatDate(s.closesOn)}
                {s.state === 'sent' ? ` · ${s.open ? t('survey.open') : t('survey.notOpen')}` : ''}
              </Text>
              {s.state !== 'draft' ? (
                <Text size="sm">
                  {t('survey.progress')}:{' '}
                  {t('survey.answeredOf', { answered: s.answered, reached: s.reached })}
                </Text>
              ) : null}
              {mayAnswer(me.role) && s.open ? (
                <Button
                  component={Link}
                  to={`/surveys/${s.id}/fill`}
                  size="md"
                  w={{ base: '100%', sm: 'auto' }}
                >
                  {t('survey.fill')}
                </Button>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
