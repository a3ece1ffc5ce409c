import { Card, Group, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import type { Page } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatNumber } from '../../format.ts';
import { canSee, navItems } from '../../layout/nav.ts';
import { ProvinceDashboard } from './ProvinceDashboard.tsx';
import { TodoPanel } from './TodoPanel.tsx';

/** The roles that read the province's figures (GET /api/dashboard); organisations keep their own counters. */
const provinceRoles = ['dost_admin', 'dost_reviewer', 'inspector', 'sector_officer', 'commune_officer'];

/** Counts come from each list's `total` (one row asked for): what the actor may see, nothing estimated. */
const counters = [
  { to: '/organisations', path: '/api/organisations' },
  { to: '/locations', path: '/api/locations' },
  { to: '/products', path: '/api/products' },
  { to: '/lots', path: '/api/lots' },
  { to: '/review', path: '/api/review/items', query: { status: 'pending' } },
  { to: '/stamps', path: '/api/stamps/requests' },
];

function Counter({ to, path, query }: (typeof counters)[number]) {
  const { t } = useTranslation();
  const item = navItems.find((n) => n.to === to)!;
  const count = useQuery({
    queryKey: [path, 'count', query],
    queryFn: async () => {
      // Some lists are not paged (stamp requests): then the count is the length of the list.
      const page = await get<Partial<Page<unknown>> & { items: unknown[] }>(path, {
        page: 1,
        pageSize: 1,
        ...query,
      });
      return page.total ?? page.items.length;
    },
    retry: false,
  });
  if (count.isError) return null;
  return (
    <Card withBorder component={Link} to={to} padding="lg" aria-label={t(item.label)}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed" fw={600}>
            {t(item.label)}
            {query ? ` — ${t('dashboard.waiting')}` : ''}
          </Text>
          {count.isPending ? (
            <Skeleton h={32} w={60} mt={4} />
          ) : (
            <Text fz={32} fw={700}>
              {formatNumber(count.data)}
            </Text>
          )}
        </div>
        <ThemeIcon size={44} variant="light" radius="md">
          <item.icon size={24} aria-hidden />
        </ThemeIcon>
      </Group>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  return (
    <>
      <PageHeader
        title={t('nav.dashboard')}
        description={t('dashboard.greeting', { name: me.name, role: t(`role.${me.role}`) })}
      />
      <TodoPanel />
      {provinceRoles.includes(me.role) ? (
        <ProvinceDashboard />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt="md">
          {counters
            .filter((c) => canSee(navItems.find((n) => n.to === c.to)!, me.role))
            .map((c) => (
              <Counter key={c.to} {...c} />
            ))}
        </SimpleGrid>
      )}
    </>
  );
}
