import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { mayWritePlans, type Plan, PlanForm, stateColor, useCommunes } from './PlansPage.tsx';
import './words.ts';

const next: Record<Plan['state'], Plan['state'] | null> = {
  draft: 'in_progress',
  in_progress: 'closed',
  closed: null,
};

/** One plan: its period and scope, each target visited or not yet (with its visits), and its state. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe().data!;
  const writer = mayWritePlans(me.role);
  const plan = useGet<Plan>(`/api/inspection-plans/${id}`);
  const communes = useCommunes();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  if (plan.error) return <ProblemAlert error={plan.error} />;
  if (!plan.data) return null;
  const p = plan.data;
  const communeName = (code: string | null) => communes.find((u) => u.code === code)?.name ?? code ?? '—';
  const targets = p.targets ?? [];
  const visited = targets.filter((x) => x.visits.length).length;
  const to = next[p.state];
  return (
    <Stack maw={960}>
      <PageHeader
        title={p.title}
        description={`${formatDate(p.periodFrom)} – ${formatDate(p.periodTo)}`}
        actions={
          writer ? (
            <Group>
              {p.state === 'draft' && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('plan.edit')}
                </Button>
              )}
              {to && <Button onClick={() => setMoving(true)}>{t(`plan.move.${to}`)}</Button>}
            </Group>
          ) : null
        }
      />
      <Card withBorder>
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={500}>{t('plan.stateLabel')}:</Text>
            <Text fw={600} c={stateColor[p.state]}>
              {t(`plan.state.${p.state}`)}
            </Text>
          </Group>
          <Text>
            <Text span fw={500}>
              {t('plan.scope')}:{' '}
            </Text>
            {[
              p.sector ? t(`sector.${p.sector}`) : t('plan.anySector'),
              p.communeCodes.length ? p.communeCodes.map(communeName).join(', ') : t('plan.anyCommune'),
            ].join(' · ')}
          </Text>
          {p.scopeNote && <Text>{p.scopeNote}</Text>}
          <Text>
            <Text span fw={500}>
              {t('plan.source')}:{' '}
            </Text>
            {t(`plan.sourceWords.${p.targetSource}`)}
            {p.catalogueVersionId ? <ListName versionId={p.catalogueVersionId} /> : null}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('plan.targets')} — {t('plan.visitedOf', { visited, total: targets.length })}
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.organisation')}</Table.Th>
              <Table.Th>{t('plan.commune')}</Table.Th>
              <Table.Th>{t('plan.visits')}</Table.Th>
              {writer && p.state !== 'closed' && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.map((x) => (
              <Table.Tr key={x.organisationId}>
                <Table.Td>{x.name}</Table.Td>
                <Table.Td>{communeName(x.communeCode)}</Table.Td>
                <Table.Td>
                  {x.visits.length ? (
                    <Group gap={6}>
                      <Badge color="teal" variant="light">
                        {t('plan.visited')}
                      </Badge>
                      {x.visits.map((v) => (
                        <Anchor
                          key={v.id}
                          component={Link}
                          to={`/inspections?organisationId=${x.organisationId}`}
                          size="sm"
                        >
                          {formatDate(v.visitedOn)}
                        </Anchor>
                      ))}
                    </Group>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t('plan.notVisited')}
                    </Badge>
                  )}
                </Table.Td>
                {writer && p.state !== 'closed' && (
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/inspections?organisationId=${x.organisationId}&planId=${p.id}`}
                      size="sm"
                    >
                      {t('plan.recordVisit')}
                    </Anchor>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {editing && <PlanForm plan={p} onClose={() => setEditing(false)} />}
      {moving && to && <MoveDialog plan={p} to={to} onClose={() => setMoving(false)} />}
    </Stack>
  );
}

/** The list and version a plan's targets came from, in words. */
function ListName({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const lists = useGet<{ items: { title: string; versions: { id: string; number: string }[] }[] }>(
    '/api/catalogues/lists',
  );
  const list = lists.data?.items.find((l) => l.versions.some((v) => v.id === versionId));
  const version = list?.versions.find((v) => v.id === versionId);
  return list && version ? (
    <>: {t('plan.listVersion', { title: list.title, number: version.number })}</>
  ) : null;
}

function MoveDialog({ plan, to, onClose }: { plan: Plan; to: Plan['state']; onClose(): void }) {
  const { t } = useTranslation();
  const send = useSend<object>('POST', `/api/inspection-plans/${plan.id}/state`, {
    invalidate: ['/api/inspection-plans'],
    success: 'plan.moved',
  });
  return (
    <Modal opened onClose={onClose} title={t(`plan.move.${to}`)}>
      <Stack>
        <Alert color="blue">{t(`plan.moveHint.${to}`)}</Alert>
        {send.error && <ProblemAlert error={send.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={send.isPending} onClick={() => send.mutate({ state: to }, { onSuccess: onClose })}>
            {t('plan.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
