import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import type { Page } from '../../components/list-state.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import type { PlaceFilter } from './place-filter.ts';
import './words.ts';

interface PlaceVisit {
  id: string;
  organisationId: string;
  organisationName?: string;
  visitedOn: string;
  findings: unknown[];
}

/** The visits a dashboard figure counts (its commune, sector and months), newest first; a name opens that organisation's. */
export function PlaceVisits({
  filter,
  onPick,
}: {
  filter: PlaceFilter;
  onPick(organisationId: string): void;
}) {
  const { t } = useTranslation();
  const visits = useGet<Page<PlaceVisit>>('/api/inspections/visits', { ...filter, pageSize: 100 });
  const items = visits.data?.items ?? [];
  const between =
    filter.from && filter.to
      ? t('inspection.placeDays', { from: formatDate(filter.from), to: formatDate(filter.to) })
      : '';
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('inspection.placeVisits')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {between}
        {t('inspection.placeHint')}
      </Text>
      <ProblemAlert error={visits.error} />
      {visits.isSuccess && !items.length ? <Text c="dimmed">{t('inspection.noVisits')}</Text> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={300}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inspection.visitedOn')}</Table.Th>
                <Table.Th>{t('plan.organisation')}</Table.Th>
                <Table.Th ta="right">{t('inspection.findingCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{formatDate(v.visitedOn)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      ta="left"
                      onClick={() => onPick(v.organisationId)}
                    >
                      {v.organisationName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{v.findings.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {visits.data && visits.data.total > items.length ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('inspection.placeMore', { shown: items.length, total: visits.data.total })}
        </Text>
      ) : null}
    </Card>
  );
}
