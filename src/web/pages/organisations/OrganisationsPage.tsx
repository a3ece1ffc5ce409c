import { Anchor, Button } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { type AdministrativeUnit, type Organisation, organisationTypes, sectors } from '../../api/types.ts';
import { addressFilters } from '../../components/address-filters.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useListState } from '../../components/list-state.ts';
import { enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { reviewStatusOptions } from '../../components/review-options.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { emptyOrganisation, OrganisationFields, organisationBody } from './OrganisationFields.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  // a dashboard figure opens the list filtered by its sector and commune
  const [initialFilters] = useState(() => addressFilters({ sector: sectors, communeCode: null }));
  const control = useListState(20, initialFilters);
  const list = usePage<Organisation>('/api/organisations', control);
  const units = useQuery({
    queryKey: ['/api/administrative-units'],
    queryFn: () => get<{ units: AdministrativeUnit[] }>('/api/administrative-units'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [opened, { open, close }] = useDisclosure();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: emptyOrganisation });
  const create = useSend('POST', '/api/organisations', { invalidate: ['/api/organisations'] });
  const mayCreate = me.role === 'dost_admin' || me.role === 'commune_officer';

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await create.mutateAsync(organisationBody(values));
      form.reset();
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <>
      <PageHeader
        title={t('nav.organisations')}
        description={t('organisation.listDescription')}
        actions={
          mayCreate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t('organisation.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<Organisation>
        caption={t('nav.organisations')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(o) => o.id}
        server={{ control, total: list.data?.total ?? 0 }}
        filters={[
          {
            key: 'type',
            label: t('organisation.type'),
            options: enumOptions(t, 'organisationType', organisationTypes),
          },
          { key: 'sector', label: t('organisation.sector'), options: enumOptions(t, 'sector', sectors) },
          {
            key: 'communeCode',
            label: t('organisation.commune'),
            options: (units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name })),
          },
          { key: 'reviewStatus', label: t('review.status'), options: reviewStatusOptions(t) },
        ]}
        columns={[
          {
            key: 'name',
            header: t('organisation.name'),
            render: (o) => (
              <Anchor component={Link} to={`/organisations/${o.id}`}>
                {o.name}
              </Anchor>
            ),
          },
          { key: 'taxCode', header: t('organisation.taxCode') },
          {
            key: 'type',
            header: t('organisation.type'),
            sortable: false,
            render: (o) => t(`organisationType.${o.type}`),
          },
          {
            key: 'sector',
            header: t('organisation.sector'),
            sortable: false,
            render: (o) => t(`sector.${o.sector}`),
          },
          { key: 'communeName', header: t('organisation.commune'), sortable: false },
          {
            key: 'reviewStatus',
            header: t('review.status'),
            sortable: false,
            render: (o) => <StatusBadge status={o.reviewStatus} />,
          },
        ]}
        emptyText={t('organisation.empty')}
      />
      <FormModal
        title={t('organisation.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending}
      >
        <OrganisationFields form={form} />
      </FormModal>
    </>
  );
}
