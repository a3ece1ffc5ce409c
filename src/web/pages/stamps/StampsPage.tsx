import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addressFilters } from '../../components/address-filters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StampRangesTab } from './StampRangesTab.tsx';
import { StampRequestsTab } from './StampRequestsTab.tsx';

export function StampsPage() {
  const { t } = useTranslation();
  // the dashboard's stamp figures open the ranges (`?tab=ranges`)
  const [tab] = useState(() => addressFilters({ tab: ['requests', 'ranges'] }).tab ?? 'requests');
  return (
    <>
      <PageHeader title={t('nav.stamps')} description={t('stamp.description')} />
      <Tabs defaultValue={tab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="requests">{t('stamp.requests')}</Tabs.Tab>
          <Tabs.Tab value="ranges">{t('stamp.ranges')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests">
          <StampRequestsTab />
        </Tabs.Panel>
        <Tabs.Panel value="ranges">
          <StampRangesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
