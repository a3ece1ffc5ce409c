import { Alert, Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
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
        {items.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('survey.name')}</Table.Th>
                  <Table.Th>{t('survey.period')}</Table.Th>
                  <Table.Th>{t('survey.progress')}</Table.Th>
                  <Table.Th>{t('survey.stateLabel')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/surveys/${s.id}`}>
                        {s.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatDate(s.opensOn)} – {formatDate(s.closesOn)}
                    </Table.Td>
                    <Table.Td>
                      {s.state === 'draft'
                        ? '—'
                        : t('survey.answeredOf', { answered: s.answered, reached: s.reached })}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={stateColor[s.state]} variant="light">
                        {t(`survey.state.${s.state}`)}
                      </Badge>
                      {s.state === 'sent' ? (
                        <Text size="xs" c={s.open ? 'teal' : 'dimmed'}>
                          {s.open ? t('survey.open') : t('survey.notOpen')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {mayAnswer(me.role) && s.open ? (
                        <Button component={Link} to={`/surveys/${s.id}/fill`} size="xs">
                          {t('survey.fill')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </>
  );
}
