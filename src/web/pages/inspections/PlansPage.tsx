import {
  Alert,
  Anchor,
  Button,
  MultiSelect,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import type { AdministrativeUnit } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { EntityMultiSelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import type { Page } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import './words.ts';

export interface Plan {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  sector: string | null;
  communeCodes: string[];
  scopeNote: string | null;
  targetSource: 'list' | 'risk' | 'hand';
  catalogueVersionId: string | null;
  state: 'draft' | 'in_progress' | 'closed';
  targetCount?: number;
  visitedCount?: number;
  targets?: {
    organisationId: string;
    name: string;
    sector: string;
    communeCode: string | null;
    visits: { id: string; visitedOn: string }[];
  }[];
}
interface CatalogueList {
  id: string;
  title: string;
  sector: string;
  versions: { id: string; number: string; state: string }[];
}

const pageSize = 20;
const sectors = ['agriculture', 'industry_trade', 'health', 'other'];
export const stateColor: Record<Plan['state'], string> = {
  draft: 'gray',
  in_progress: 'blue',
  closed: 'teal',
};
export const mayWritePlans = (role?: string) => role === 'inspector' || role === 'dost_admin';

/** The province's communes and wards, for the plan's scope (names shown, codes sent). */
export function useCommunes() {
  const units = useQuery({
    queryKey: ['/api/administrative-units'],
    queryFn: () => get<{ units: AdministrativeUnit[] } | AdministrativeUnit[]>('/api/administrative-units'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return Array.isArray(units.data) ? units.data : (units.data?.units ?? []);
}

/**
 * Inspection plans (issue 12 §2): the period, the scope and the organisations to visit, chosen from a catalogue
 * list, by risk or by hand; inspectors and the admin write them, the department and officers read their scope.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [state, setState] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useGet<Page<Plan>>('/api/inspection-plans', { state: state ?? undefined, page, pageSize });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.description')}
        actions={
          mayWritePlans(me.role) ? (
            <Button onClick={() => setCreating(true)}>{t('plan.create')}</Button>
          ) : null
        }
      />
      <Stack>
        <Select
          label={t('plan.stateFilter')}
          clearable
          w={240}
          placeholder={t('plan.allStates')}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          data={(['draft', 'in_progress', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`plan.state.${s}`),
          }))}
        />
        {list.isSuccess && !items.length ? <Alert>{t('plan.empty')}</Alert> : null}
        {items.length ? (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.name')}</Table.Th>
                <Table.Th>{t('plan.period')}</Table.Th>
                <Table.Th>{t('plan.source')}</Table.Th>
                <Table.Th>{t('plan.progress')}</Table.Th>
                <Table.Th>{t('plan.stateLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/inspection-plans/${p.id}`}>
                      {p.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(p.periodFrom)} – {formatDate(p.periodTo)}
                  </Table.Td>
                  <Table.Td>{t(`plan.sourceWords.${p.targetSource}`)}</Table.Td>
                  <Table.Td>
                    {t('plan.visitedOf', { visited: p.visitedCount ?? 0, total: p.targetCount ?? 0 })}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={stateColor[p.state]}>
                      {t(`plan.state.${p.state}`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {(list.data?.total ?? 0) > pageSize ? (
          <Pagination value={page} onChange={setPage} total={Math.ceil((list.data?.total ?? 0) / pageSize)} />
        ) : null}
      </Stack>
      {creating && <PlanForm onClose={() => setCreating(false)} />}
    </>
  );
}

/** Creates a plan, or changes a draft (`plan` given). */
export function PlanForm({ plan, onClose }: { plan?: Plan; onClose(): void }) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const lists = useGet<{ items: CatalogueList[] }>('/api/catalogues/lists');
  const [title, setTitle] = useState(plan?.title ?? '');
  const [periodFrom, setFrom] = useState(plan?.periodFrom ?? '');
  const [periodTo, setTo] = useState(plan?.periodTo ?? '');
  const [sector, setSector] = useState<string | null>(plan?.sector ?? null);
  const [communeCodes, setCommunes] = useState<string[]>(plan?.communeCodes ?? []);
  const [scopeNote, setNote] = useState(plan?.scopeNote ?? '');
  const [source, setSource] = useState<Plan['targetSource']>(plan?.targetSource ?? 'list');
  const [versionId, setVersionId] = useState<string | null>(plan?.catalogueVersionId ?? null);
  const [organisationIds, setOrganisations] = useState<string[]>(
    plan?.targetSource === 'hand' ? (plan.targets ?? []).map((x) => x.organisationId) : [],
  );
  const send = useSend<object, Plan>(
    plan ? 'PUT' : 'POST',
    plan ? `/api/inspection-plans/${plan.id}` : '/api/inspection-plans',
    {
      invalidate: ['/api/inspection-plans'],
      success: 'plan.saved',
    },
  );
  const versions = (lists.data?.items ?? []).flatMap((l) =>
    l.versions
      .filter((v) => v.state === 'approved')
      .map((v) => ({ value: v.id, label: t('plan.listVersion', { title: l.title, number: v.number }) })),
  );
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    send.mutate(
      {
        title,
        periodFrom,
        periodTo,
        sector,
        communeCodes,
        scopeNote: scopeNote || null,
        targetSource: source,
        catalogueVersionId: source === 'list' ? (versionId ?? undefined) : undefined,
        organisationIds: source === 'hand' ? organisationIds : [],
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={plan ? t('plan.edit') : t('plan.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <TextInput
        label={t('plan.name')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('plan.periodFrom')} required value={periodFrom} onChange={setFrom} />
        <DateField label={t('plan.periodTo')} required value={periodTo} onChange={setTo} />
      </SimpleGrid>
      <Select
        label={t('plan.sector')}
        clearable
        placeholder={t('plan.anySector')}
        value={sector}
        onChange={setSector}
        data={sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
      />
      <MultiSelect
        label={t('plan.communes')}
        placeholder={communeCodes.length ? undefined : t('plan.anyCommune')}
        searchable
        value={communeCodes}
        onChange={setCommunes}
        data={communes.map((u) => ({ value: u.code, label: u.name }))}
      />
      <Textarea
        label={t('plan.scopeNote')}
        value={scopeNote}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('plan.source')}
        </Text>
        <SegmentedControl
          aria-label={t('plan.source')}
          value={source}
          onChange={(v) => setSource(v as Plan['targetSource'])}
          data={(['list', 'risk', 'hand'] as const).map((s) => ({
            value: s,
            label: t(`plan.sourceWords.${s}`),
          }))}
        />
        <Text size="xs" c="dimmed">
          {t(`plan.sourceHint.${source}`)}
        </Text>
      </Stack>
      {source === 'list' && (
        <Select
          label={t('plan.list')}
          required
          searchable
          value={versionId}
          onChange={setVersionId}
          data={versions}
          nothingFoundMessage={t('plan.noLists')}
        />
      )}
      {source === 'hand' && (
        <EntityMultiSelect<{ id: string; name: string }>
          label={t('plan.organisations')}
          required
          path="/api/organisations"
          option={(o) => ({ value: o.id, label: o.name })}
          value={organisationIds}
          onChange={setOrganisations}
        />
      )}
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}
