import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import { isStaff, useMe } from '../../api/session.ts';
import { type Location, locationTypes } from '../../api/types.ts';
import { ownOrganisation } from '../../components/acting-organisation.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { FeatureMap, lngLat, type MapFeature } from '../../components/GeoMap.tsx';
import { useListState } from '../../components/list-state.ts';
import { enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { reviewStatusOptions } from '../../components/review-options.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { KeptPublicBadge, ReviewReason, WithdrawPublication } from '../review/PublicationControls.tsx';
import { SubmitForReview } from '../review/SubmitForReview.tsx';
import { emptyLocation, LocationForm, locationBody, locationValues } from './LocationForm.tsx';

function feature(l: Location): MapFeature {
  const polygon = !l.polygon
    ? null
    : l.polygon.type === 'Polygon'
      ? l.polygon.coordinates.map((ring) => ring.map(lngLat))
      : l.polygon.coordinates.flat().map((ring) => ring.map(lngLat));
  const point =
    l.latitude !== null && l.longitude !== null ? ([l.longitude, l.latitude] as [number, number]) : null;
  return { id: l.id, label: l.name, point, polygon };
}

export function LocationsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const control = useListState();
  const list = usePage<Location>('/api/locations', control);
  const [opened, { open, close }] = useDisclosure();
  const [editing, setEditing] = useState<Location | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: emptyLocation });
  const invalidate = ['/api/locations'];
  const create = useSend('POST', '/api/locations', { invalidate });
  const save = useSend('PATCH', () => `/api/locations/${editing?.id}`, { invalidate });
  const mayWrite = !isStaff(me) || me.role === 'dost_admin';
  const features = useMemo(() => (list.data?.items ?? []).map(feature), [list.data]);

  const startCreate = () => {
    form.setValues({ ...emptyLocation, organisationId: ownOrganisation(me) ?? '' });
    setEditing(null);
    setProblem(null);
    open();
  };
  const startEdit = (l: Location) => {
    form.setValues(locationValues(l));
    setEditing(l);
    setProblem(null);
    open();
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (editing) await save.mutateAsync(locationBody(values, false));
      else await create.mutateAsync(locationBody(values, true));
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <Stack>
      <PageHeader
        title={t('nav.locations')}
        description={t('location.listDescription')}
        actions={
          mayWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startCreate}>
              {t('location.create')}
            </Button>
          ) : null
        }
      />
      <FeatureMap features={features} label={t('location.mapLabel')} />
      <DataTable<Location>
        caption={t('nav.locations')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(l) => l.id}
        server={{ control, total: list.data?.total ?? 0 }}
        filters={[
          { key: 'type', label: t('location.type'), options: enumOptions(t, 'locationType', locationTypes) },
          { key: 'reviewStatus', label: t('review.status'), options: reviewStatusOptions(t) },
        ]}
        columns={[
          { key: 'name', header: t('location.name') },
          { key: 'gln', header: t('location.code'), render: (l) => l.gln ?? l.internalCode },
          {
            key: 'type',
            header: t('location.type'),
            sortable: false,
            render: (l) => t(`locationType.${l.type}`),
          },
          { key: 'communeName', header: t('organisation.commune'), sortable: false },
          { key: 'areaHectares', header: t('location.areaHectares'), sortable: false },
          {
            key: 'reviewStatus',
            header: t('review.status'),
            sortable: false,
            render: (l) => (
              <Stack gap={2}>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge status={l.reviewStatus} />
                  <KeptPublicBadge kept={l.publicVersionKept} />
                </Group>
                <ReviewReason status={l.reviewStatus} note={l.reviewNote} />
              </Stack>
            ),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (l) => (
              <Group gap={4} wrap="nowrap">
                {mayWrite ? (
                  <>
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconEdit size={14} aria-hidden />}
                      onClick={() => startEdit(l)}
                    >
                      {t('common.edit')}
                    </Button>
                    <SubmitForReview
                      entityType="location"
                      entityId={l.id}
                      status={l.reviewStatus}
                      invalidate={invalidate}
                    />
                  </>
                ) : null}
                <WithdrawPublication
                  entityType="location"
                  entityId={l.id}
                  name={l.name}
                  status={l.reviewStatus}
                  kept={l.publicVersionKept}
                  invalidate={invalidate}
                />
              </Group>
            ),
          },
        ]}
        emptyText={t('location.empty')}
      />
      <FormModal
        title={editing ? editing.name : t('location.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending || save.isPending}
        size="xl"
      >
        {editing ? (
          <ReviewReason status={editing.reviewStatus} note={editing.reviewNote} variant="alert" />
        ) : null}
        <LocationForm form={form} creating={!editing} />
      </FormModal>
    </Stack>
  );
}
