import { Card, Grid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePage } from '../../api/hooks.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useListState } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { ReviewItemPanel } from './ReviewItemPanel.tsx';
import { entityTypes, type ReviewItem } from './review-types.ts';

const itemStatuses = ['pending', 'approved', 'returned', 'rejected'] as const;

/** The reviewer's queue (their sector or communes; the department sees all), pending items oldest first. */
export function ReviewPage() {
  const { t } = useTranslation();
  const control = useListState(20, { status: 'pending' });
  const list = usePage<ReviewItem>('/api/review/items', control);
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('nav.review')} description={t('review.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: selected ? 5 : 7 }}>
          <DataTable<ReviewItem>
            caption={t('nav.review')}
            rows={list.data?.items}
            loading={list.isPending}
            error={list.error}
            rowKey={(i) => i.id}
            server={{ control, total: list.data?.total ?? 0 }}
            searchable={false}
            filters={[
              {
                key: 'status',
                label: t('review.itemStatus'),
                options: itemStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
              },
              {
                key: 'entityType',
                label: t('review.entityType'),
                options: entityTypes.map((e) => ({ value: e, label: t(`entityType.${e}`) })),
              },
            ]}
            columns={[
              {
                key: 'title',
                header: t('review.item'),
                sortable: false,
                render: (i) => (
                  <Text
                    component="button"
                    type="button"
                    onClick={() => setSelected(i.id)}
                    fw={selected === i.id ? 700 : 500}
                    c="teal.9"
                    style={{
                      background: 'none',
                      border: 0,
                      padding: 0,
                      cursor: 'pointer',
                      textAlign: 'left',
                    }}
                    aria-pressed={selected === i.id}
                  >
                    {i.title}
                  </Text>
                ),
              },
              {
                key: 'entityType',
                header: t('review.entityType'),
                sortable: false,
                render: (i) => t(`entityType.${i.entityType}`, { defaultValue: i.entityType }),
              },
              {
                key: 'submittedAt',
                header: t('review.submittedAtShort'),
                sortable: false,
                render: (i) => formatDateTime(i.submittedAt),
              },
              {
                key: 'status',
                header: t('review.itemStatus'),
                sortable: false,
                render: (i) => <StatusBadge status={i.status} />,
              },
            ]}
            emptyText={t('review.empty')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: selected ? 7 : 5 }}>
          <Card withBorder padding="lg" style={{ position: 'sticky', top: 72 }}>
            {selected ? (
              <ReviewItemPanel key={selected} id={selected} onDecided={() => setSelected(null)} />
            ) : (
              <Text c="dimmed">{t('review.pick')}</Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
