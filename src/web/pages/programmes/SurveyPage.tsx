import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { SurveyDesigner } from './SurveyDesigner.tsx';
import { SurveyResults } from './SurveyResults.tsx';
import { mayAnswer, mayDesign, type Survey, stateColor } from './survey-types.ts';
import './words.ts';

/** One survey: its design while a draft (the admin), then who it went to, its results and the way to fill it in. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe().data!;
  const survey = useGet<Survey>(`/api/surveys/${id}`);
  const [closing, setClosing] = useState(false);
  const close = useSend<void, Survey>('POST', `/api/surveys/${id}/close`, {
    invalidate: ['/api/surveys'],
    success: 'survey.closed',
  });
  const [exportError, setExportError] = useState<unknown>(null);
  const s = survey.data;
  const back = (
    <Anchor component={Link} to="/surveys" size="sm">
      {t('survey.back')}
    </Anchor>
  );
  if (!s)
    return (
      <Stack>
        {back}
        <ProblemAlert error={survey.error} />
      </Stack>
    );
  if (s.state === 'draft' && mayDesign(me.role))
    return (
      <Stack>
        {back}
        <SurveyDesigner survey={s} />
      </Stack>
    );
  const sentTo = [...s.communes.map((c) => c.name), ...s.sectors.map((x) => t(`sector.${x}`))].join(', ');
  return (
    <Stack>
      {back}
      <PageHeader
        title={s.title}
        description={s.purpose ?? undefined}
        actions={
          <>
            {mayAnswer(me.role) && s.open ? (
              <Button component={Link} to={`/surveys/${s.id}/fill`}>
                {t('survey.fill')}
              </Button>
            ) : null}
            <Button
              variant="default"
              onClick={() =>
                downloadFile('GET', `/api/surveys/${s.id}/responses.xlsx`, 'khao-sat.xlsx').catch(
                  setExportError,
                )
              }
            >
              {t('survey.exportXlsx')}
            </Button>
            {mayDesign(me.role) && s.state === 'sent' ? (
              <Button variant="light" color="orange" onClick={() => setClosing(true)}>
                {t('survey.close')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="md">
        <Badge color={stateColor[s.state]} variant="light">
          {t(`survey.state.${s.state}`)}
        </Badge>
        <Text size="sm">
          {t('survey.period')}: {formatDate(s.opensOn)} – {formatDate(s.closesOn)}
        </Text>
        <Text size="sm">
          {t('survey.sentTo')}: {sentTo || '—'}
        </Text>
      </Group>
      <ProblemAlert error={exportError} />
      {!s.open && s.state !== 'draft' && mayAnswer(me.role) ? <Alert>{t('survey.fillClosed')}</Alert> : null}
      <SurveyResults survey={s} />
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('survey.close')}>
        <Stack>
          <Text>{t('survey.closeConfirm')}</Text>
          <ProblemAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={close.isPending}
              onClick={() => close.mutate(undefined, { onSuccess: () => setClosing(false) })}
            >
              {t('survey.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
