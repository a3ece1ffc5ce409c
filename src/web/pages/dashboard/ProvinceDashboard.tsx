import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import type { AdministrativeUnit } from '../../api/types.ts';
import { sectors } from '../../api/types.ts';
import { dashboardQuery, filtersFromAddress } from '../../early.ts';
import { formatNumber } from '../../format.ts';
import { CommuneMap } from './CommuneMap.tsx';
import { figureLinks } from './figure-links.ts';
import { MonthlyChart } from './MonthlyChart.tsx';
import { type Filters, monthWords, type Preset, periodOf } from './period.ts';
import type { DashboardView } from './province-types.ts';
import './words.ts';

function writeAddress(f: Filters) {
  const q = new URLSearchParams();
  if (f.sector) q.set('sector', f.sector);
  if (f.commune) q.set('commune', f.commune);
  if (f.preset === 'custom') {
    q.set('from', f.from);
    q.set('to', f.to);
  }
  const search = q.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}`,
  );
}

function Figure({
  label,
  value,
  detail,
  to,
}: {
  label: string;
  value: React.ReactNode;
  detail?: string;
  to?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 28 }} fw={700} lh={1.3}>
        {value}
      </Text>
      {detail ? <Text size="sm">{detail}</Text> : null}
      {to ? (
        <Anchor component={Link} to={to} size="sm" aria-label={`${t('provinceDashboard.seeRows')}: ${label}`}>
          {t('provinceDashboard.seeRows')}
        </Anchor>
      ) : null}
    </Card>
  );
}

/** The province's (or the officer's part of it) figures, charts and map, filtered by sector, commune and period. */
export function ProvinceDashboard() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [filters, setFilters] = useState<Filters>(() => filtersFromAddress(window.location.search));
  const period = periodOf(filters);
  useEffect(() => writeAddress(filters), [filters]);
  // the first of these was asked before the app ran, when the page opened at this address (early.ts)
  const query = dashboardQuery(filters, period);
  const data = useQuery({
    queryKey: ['/api/dashboard', query],
    queryFn: () => get<DashboardView>('/api/dashboard', query),
    placeholderData: (previous) => previous,
    retry: false,
  });
  const units = useQuery({
    queryKey: ['/api/administrative-units'],
    queryFn: () => get<{ units: AdministrativeUnit[] } | AdministrativeUnit[]>('/api/administrative-units'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const allUnits = Array.isArray(units.data) ? units.data : (units.data?.units ?? []);
  const communeChoices =
    me.role === 'commune_officer' ? allUnits.filter((u) => me.communes.includes(u.code)) : allUnits;
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const view = data.data;
  // the charts, the map and the communes' table are drawn after the figures have been painted (the longest to draw)
  const later = useDeferredValue(view);

  // the list pages take these filters from their address where their API has them
  const links = figureLinks({ ...filters, period }, me.role === 'sector_officer' ? me.sector : null);

  return (
    <Stack gap="md" mt="lg">
      <Title order={2} size="h3">
        {me.role === 'commune_officer' || me.role === 'sector_officer'
          ? t('provinceDashboard.headingScope')
          : t('provinceDashboard.heading')}
      </Title>
      <Card withBorder padding="md" component="section" aria-label={t('provinceDashboard.filters')}>
        <Group align="flex-end" wrap="wrap" gap="md">
          {me.role === 'sector_officer' ? null : (
            <Select
              label={t('provinceDashboard.sector')}
              placeholder={t('provinceDashboard.allSectors')}
              clearable
              data={sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
              value={filters.sector}
              onChange={(v) => set({ sector: v })}
              w={220}
            />
          )}
          <Select
            label={t('provinceDashboard.commune')}
            placeholder={t('provinceDashboard.allCommunes')}
            clearable
            searchable
            data={communeChoices.map((u) => ({ value: u.code, label: u.name }))}
            value={filters.commune}
            onChange={(v) => set({ commune: v })}
            nothingFoundMessage={t('table.noMatch')}
            w={240}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="dashboard-period">
              {t('provinceDashboard.period')}
            </Text>
            <SegmentedControl
              aria-labelledby="dashboard-period"
              value={filters.preset}
              onChange={(v) => set({ preset: v as Preset, ...(v === 'custom' ? period : {}) })}
              data={[
                { value: 'year', label: t('provinceDashboard.thisYear') },
                { value: 'last12', label: t('provinceDashboard.last12') },
                { value: 'custom', label: t('provinceDashboard.custom') },
              ]}
            />
          </Stack>
          {filters.preset === 'custom' ? (
            <>
              <TextInput
                type="month"
                label={t('provinceDashboard.fromMonth')}
                value={filters.from}
                onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
                w={170}
              />
              <TextInput
                type="month"
                label={t('provinceDashboard.toMonth')}
                value={filters.to}
                onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
                w={170}
              />
            </>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" mt="sm">
          {t('provinceDashboard.periodWords', { from: monthWords(period.from), to: monthWords(period.to) })}.{' '}
          {t('provinceDashboard.asOfNote')}
        </Text>
      </Card>

      {data.isError ? (
        <Alert color="red" title={t('provinceDashboard.loadError')}>
          {(data.error as Error).message}
        </Alert>
      ) : null}

      <section aria-label={t('provinceDashboard.figures')}>
        {!view ? (
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k) => (
              <Skeleton key={k} h={110} />
            ))}
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure
              label={t('provinceDashboard.organisations')}
              value={formatNumber(view.figures.organisations.registered)}
              detail={t('provinceDashboard.approvedOf', {
                approved: formatNumber(view.figures.organisations.approved),
              })}
              to={links.organisations}
            />
            <Figure
              label={t('provinceDashboard.products')}
              value={formatNumber(view.figures.products.registered)}
              detail={t('provinceDashboard.approvedOf', {
                approved: formatNumber(view.figures.products.approved),
              })}
              to={links.products}
            />
            <Figure
              label={t('provinceDashboard.lots')}
              value={formatNumber(view.figures.lots)}
              to={links.lots}
            />
            <Figure
              label={t('provinceDashboard.stampsIssued')}
              value={formatNumber(view.figures.stamps.issued)}
              to={links.stamps}
            />
            <Figure
              label={t('provinceDashboard.stampsActivated')}
              value={formatNumber(view.figures.stamps.activated)}
              to={links.stamps}
            />
            <Figure label={t('provinceDashboard.scans')} value={formatNumber(view.figures.stamps.scanned)} />
            <Figure
              label={t('provinceDashboard.inspections')}
              value={formatNumber(view.figures.inspections)}
              to={links.inspections}
            />
            <Figure
              label={t('provinceDashboard.violations')}
              value={formatNumber(view.figures.violations)}
              to={links.violations}
            />
            <Figure
              label={t('provinceDashboard.consumerReports')}
              value={formatNumber(view.figures.consumerReports)}
              to={links.consumerReports}
            />
            <Figure
              label={t('provinceDashboard.synced')}
              value={t('provinceDashboard.notYet')}
              detail={t('provinceDashboard.syncedHint')}
            />
          </SimpleGrid>
        )}
      </section>

      {later ? (
        <>
          <section aria-label={t('provinceDashboard.charts')}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <MonthlyChart
                title={t('provinceDashboard.chartScans')}
                months={later.months.map((m) => m.month)}
                series={[
                  {
                    label: t('provinceDashboard.scans'),
                    color: '#1971c2',
                    values: later.months.map((m) => m.scans),
                  },
                ]}
              />
              <MonthlyChart
                title={t('provinceDashboard.chartActivations')}
                months={later.months.map((m) => m.month)}
                series={[
                  {
                    label: t('provinceDashboard.stampsActivated'),
                    color: '#2f9e44',
                    values: later.months.map((m) => m.stampsActivated),
                  },
                ]}
              />
              <MonthlyChart
                title={t('provinceDashboard.chartApproved')}
                months={later.months.map((m) => m.month)}
                series={[
                  {
                    label: t('provinceDashboard.seriesOrganisations'),
                    color: '#1971c2',
                    values: later.months.map((m) => m.organisationsApproved),
                  },
                  {
                    label: t('provinceDashboard.seriesProducts'),
                    color: '#f08c00',
                    values: later.months.map((m) => m.productsApproved),
                  },
                ]}
              />
              <MonthlyChart
                title={t('provinceDashboard.chartInspections')}
                months={later.months.map((m) => m.month)}
                series={[
                  {
                    label: t('provinceDashboard.seriesInspections'),
                    color: '#1971c2',
                    values: later.months.map((m) => m.inspections),
                  },
                  {
                    label: t('provinceDashboard.seriesViolations'),
                    color: '#e03131',
                    values: later.months.map((m) => m.violations),
                  },
                ]}
              />
            </SimpleGrid>
          </section>
          {filters.commune ? (
            <Group>
              <Button variant="light" onClick={() => set({ commune: null })}>
                {t('provinceDashboard.clearCommune')}
              </Button>
            </Group>
          ) : null}
          <CommuneMap communes={later.communes} map={later.map} onPick={(code) => set({ commune: code })} />
          <CommuneTable view={later} onPick={(code) => set({ commune: code })} />
        </>
      ) : null}
    </Stack>
  );
}

/** The per-commune figures as a table: what the map shows, readable by everyone and on a phone. */
function CommuneTable({ view, onPick }: { view: DashboardView; onPick(code: string): void }) {
  const { t } = useTranslation();
  const rows = view.communes
    .filter((c) => c.organisations || c.products || c.scans || c.inspections || c.consumerReports)
    .sort((a, b) => b.organisations - a.organisations || a.name.localeCompare(b.name, 'vi'));
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="xs">
        {t('provinceDashboard.communeTable')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('provinceDashboard.noCommunes')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('provinceDashboard.communeName')}</Table.Th>
                <Table.Th ta="right">{t('provinceDashboard.organisations')}</Table.Th>
                <Table.Th ta="right">{t('provinceDashboard.products')}</Table.Th>
                <Table.Th ta="right">{t('provinceDashboard.scans')}</Table.Th>
                <Table.Th ta="right">{t('provinceDashboard.inspections')}</Table.Th>
                <Table.Th ta="right">{t('provinceDashboard.violations')}</Table.Th>
                <Table.Th ta="right">{t('provinceDashboard.consumerReports')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      ta="left"
                      style={{ whiteSpace: 'nowrap' }}
                      onClick={() => onPick(c.code)}
                      aria-label={t('provinceDashboard.filterCommune', { name: c.name })}
                    >
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(c.organisations)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.products)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.scans)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.inspections)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.violations)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.consumerReports)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
