import { Anchor, Button, Drawer } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import type { StampRangeSummary } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { StampRangeDetail } from './StampRangeDetail.tsx';

export function StampRangesTab() {
  const { t } = useTranslation();
  const list = useGet<{ items: StampRangeSummary[] }>('/api/stamps/ranges');
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <DataTable<StampRangeSummary>
        caption={t('stamp.ranges')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(r) => r.id}
        columns={[
          { key: 'createdAt', header: t('common.createdAt'), render: (r) => formatDateTime(r.createdAt) },
          { key: 'gtin', header: 'GTIN' },
          { key: 'kind', header: t('stamp.kind'), render: (r) => t(`stampKind.${r.kind}`) },
          {
            key: 'firstSerial',
            header: t('stamp.serials'),
            render: (r) => (
              <Anchor component="button" type="button" onClick={() => setOpenId(r.id)}>
                {r.firstSerial}–{r.lastSerial}
              </Anchor>
            ),
          },
          {
            key: 'count',
            header: t('stamp.quantity'),
            value: (r) => r.lastSerial - r.firstSerial + 1,
            render: (r) => formatNumber(r.lastSerial - r.firstSerial + 1),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (r) => (
              <Button size="xs" variant="light" onClick={() => setOpenId(r.id)}>
                {t('stamp.manage')}
              </Button>
            ),
          },
        ]}
        emptyText={t('stamp.noRanges')}
      />
      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size="xl"
        title={t('stamp.range')}
      >
        {openId ? <StampRangeDetail id={openId} /> : null}
      </Drawer>
    </>
  );
}
