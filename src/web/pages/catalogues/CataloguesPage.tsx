import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useGet } from '../../api/hooks.ts';
import { type Me, useMe } from '../../api/session.ts';
import type { AdministrativeUnit } from '../../api/types.ts';
import { enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { NewListButton, NewVersionButton, VersionActions } from './CatalogueEditor.tsx';
import { mayOpenList, mayPropose } from './catalogue-policy.ts';
import './words.ts';

interface CatalogueList {
  id: string;
  sector: string;
  kind: 'mandatory' | 'priority';
  category: string | null;
  title: string;
  inForce: { id: string; number: string } | null;
  versions: {
    id: string;
    number: string;
    state: string;
    effectiveFrom: string | null;
    effectiveTo: string | null;
  }[];
}
interface ComplianceRow {
  organisationId: string;
  organisationName: string;
  sector: string;
  communeCode: string | null;
  productId: string;
  productName: string;
  gtin: string;
  traceability: boolean;
  approvedData: boolean;
  stampsInUse: boolean;
  recentEvents: number;
  gaps: string[];
}
interface Compliance {
  listTitle: string;
  totals: Record<
    | 'organisations'
    | 'products'
    | 'withTraceability'
    | 'withApprovedData'
    | 'withStamps'
    | 'withRecentEvents'
    | 'withGaps',
    number
  >;
  rows: ComplianceRow[];
}

const sectors = ['agriculture', 'industry_trade', 'health', 'other'];

/** The sector departments' lists with their versions, and the compliance view of the version in force. */
export function CataloguesPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const lists = useGet<{ items: CatalogueList[] }>('/api/catalogues/lists');
  const [chosen, setChosen] = useState<string | null>(null);
  if (lists.error) return <ProblemAlert error={lists.error} />;
  const items = lists.data?.items ?? [];
  const list = items.find((l) => l.id === chosen) ?? items.find((l) => l.inForce) ?? items[0];
  return (
    <Stack>
      <PageHeader
        title={t('nav.catalogues')}
        description={t('catalogue.description')}
        actions={mayOpenList(me) ? <NewListButton me={me} onCreated={setChosen} /> : undefined}
      />
      {!lists.data ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('catalogue.empty')}</Text>
      ) : (
        <>
          <Select
            label={t('catalogue.list')}
            data={items.map((l) => ({
              value: l.id,
              label: `${l.title} (${t(`catalogueKind.${l.kind}`)}, ${t(`sector.${l.sector}`)})`,
            }))}
            value={list?.id ?? null}
            onChange={setChosen}
            allowDeselect={false}
            maw={900}
          />
          {list ? <Versions list={list} me={me} /> : null}
          {list?.inForce ? (
            <ComplianceView versionId={list.inForce.id} />
          ) : (
            <Text c="dimmed">{t('catalogue.noneInForce')}</Text>
          )}
        </>
      )}
    </Stack>
  );
}

function Versions({ list, me }: { list: CatalogueList; me: Me }) {
  const { t } = useTranslation();
  const latest = [...list.versions].sort((a, b) => Number(b.number) - Number(a.number))[0];
  return (
    <Stack gap="xs" maw={900}>
      {list.versions.length === 0 ? <Text c="dimmed">{t('catalogue.noVersions')}</Text> : null}
      <Table withTableBorder hidden={list.versions.length === 0}>
        <Table.Caption>{t('catalogue.versions')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.version')}</Table.Th>
            <Table.Th>{t('catalogue.state')}</Table.Th>
            <Table.Th>{t('catalogue.effective')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                {v.number}
                {list.inForce?.id === v.id ? (
                  <Badge ml="xs" color="green" variant="light">
                    {t('catalogue.inForce')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`catalogueState.${v.state}`)}</Table.Td>
              <Table.Td>
                {v.effectiveFrom ? formatDate(v.effectiveFrom) : '—'}
                {v.effectiveTo ? ` – ${formatDate(v.effectiveTo)}` : ''}
              </Table.Td>
              <Table.Td>
                <VersionActions me={me} sector={list.sector} version={v} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayPropose(me, list.sector) ? (
        <div>
          <NewVersionButton listId={list.id} latestId={latest?.id ?? null} />
        </div>
      ) : null}
    </Stack>
  );
}

const Mark = ({ ok }: { ok: boolean }) => {
  const { t } = useTranslation();
  return (
    <Badge color={ok ? 'green' : 'red'} variant="light">
      {ok ? t('common.yes') : t('catalogue.missing')}
    </Badge>
  );
};

function ComplianceView({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const [sector, setSector] = useState<string | null>(null);
  const [commune, setCommune] = useState<string | null>(null);
  const query = { sector: sector ?? undefined, commune: commune ?? undefined };
  const view = useGet<Compliance>(`/api/catalogues/versions/${versionId}/compliance`, query);
  const all = useGet<Compliance>(`/api/catalogues/versions/${versionId}/compliance`);
  const [problem, setProblem] = useState<unknown>(null);
  const communes = [
    ...new Set((all.data?.rows ?? []).map((r) => r.communeCode).filter((c): c is string => !!c)),
  ];
  // the communes by name, from the list the commune pickers read (a code only if the list is unavailable)
  const units = useQuery({
    queryKey: ['/api/administrative-units'],
    queryFn: () => get<{ units: AdministrativeUnit[] } | AdministrativeUnit[]>('/api/administrative-units'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const unitList = Array.isArray(units.data) ? units.data : (units.data?.units ?? []);
  const communeName = new Map(unitList.map((u) => [u.code, u.name]));
  const exportXlsx = async () => {
    setProblem(null);
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
    try {
      await downloadFile(
        'GET',
        `/api/catalogues/versions/${versionId}/compliance.xlsx${params.size ? `?${params}` : ''}`,
        'tuan-thu-danh-muc.xlsx',
      );
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group>
          <Select
            label={t('organisation.sector')}
            data={enumOptions(t, 'sector', sectors)}
            value={sector}
            onChange={setSector}
            clearable
            placeholder={t('catalogue.all')}
          />
          <Select
            label={t('organisation.commune')}
            data={communes.map((c) => ({ value: c, label: communeName.get(c) ?? c }))}
            value={commune}
            onChange={setCommune}
            clearable
            placeholder={t('catalogue.all')}
          />
        </Group>
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={exportXlsx}>
          {t('catalogue.exportXlsx')}
        </Button>
      </Group>
      {problem ? <ProblemAlert error={problem} /> : null}
      <Alert color="gray" variant="light">
        {t('catalogue.syncNote')}
      </Alert>
      {view.error ? <ProblemAlert error={view.error} /> : null}
      {!view.data ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('catalogue.totals', {
              organisations: formatNumber(view.data.totals.organisations),
              products: formatNumber(view.data.totals.products),
              gaps: formatNumber(view.data.totals.withGaps),
            })}
          </Text>
          {view.data.rows.length === 0 ? (
            <Text c="dimmed">{t('catalogue.noRows')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped withTableBorder>
                <Table.Caption>{t('catalogue.compliance')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalogue.organisation')}</Table.Th>
                    <Table.Th>{t('catalogue.product')}</Table.Th>
                    <Table.Th>{t('catalogue.traceability')}</Table.Th>
                    <Table.Th>{t('catalogue.approvedData')}</Table.Th>
                    <Table.Th>{t('catalogue.stamps')}</Table.Th>
                    <Table.Th ta="right">{t('catalogue.recentEvents')}</Table.Th>
                    <Table.Th>{t('catalogue.synced')}</Table.Th>
                    <Table.Th>{t('catalogue.gaps')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.data.rows.map((r) => (
                    <Table.Tr key={r.productId}>
                      <Table.Td>{r.organisationName}</Table.Td>
                      <Table.Td>{r.productName}</Table.Td>
                      <Table.Td>
                        <Mark ok={r.traceability} />
                      </Table.Td>
                      <Table.Td>
                        <Mark ok={r.approvedData} />
                      </Table.Td>
                      <Table.Td>
                        <Mark ok={r.stampsInUse} />
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(r.recentEvents)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {t('catalogue.notBuilt')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.gaps.length === 0 ? (
                          <Text size="sm" c="green">
                            {t('catalogue.noGap')}
                          </Text>
                        ) : (
                          <Text size="sm">{r.gaps.map((g) => t(`catalogueGap.${g}`)).join('; ')}</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
