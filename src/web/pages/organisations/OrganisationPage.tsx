import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import '@mantine/dates/styles.css';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { type Certificate, certificateKinds, type OrganisationDetail } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Details } from '../../components/Details.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { compact, enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { KeptPublicBadge, ReviewReason, WithdrawPublication } from '../review/PublicationControls.tsx';
import { SubmitForReview } from '../review/SubmitForReview.tsx';
import { emptyOrganisation, OrganisationFields, organisationBody } from './OrganisationFields.tsx';

const toIsoDate = (d: string | Date | null) => (d ? new Date(d).toISOString().slice(0, 10) : '');

export function OrganisationPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const { id } = useParams({ strict: false }) as { id: string };
  const org = useGet<OrganisationDetail>(`/api/organisations/${id}`);
  const [editing, edit] = useDisclosure();
  const [adding, add] = useDisclosure();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: emptyOrganisation });
  const certForm = useForm({
    initialValues: { kind: 'vietgap', number: '', issuer: '', validFrom: '', validTo: '', fileUrl: '' },
  });
  const invalidate = ['/api/organisations'];
  const save = useSend('PATCH', `/api/organisations/${id}`, { invalidate });
  const addCert = useSend('POST', `/api/organisations/${id}/certificates`, { invalidate });
  const removeCert = useSend<string>(
    'DELETE',
    (certId) => `/api/organisations/${id}/certificates/${certId}`,
    {
      invalidate,
      success: 'common.deleted',
    },
  );

  if (org.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (org.error) return <ProblemAlert error={org.error} />;
  const o = org.data;
  const mayEdit = me.role === 'dost_admin' || (me.organisationIds.includes(o.id) && me.role === 'org_owner');

  const startEdit = () => {
    form.setValues({
      ...emptyOrganisation,
      ...Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? ''])),
      gs1CompanyPrefixes: o.gs1CompanyPrefixes.join(', '),
      glns: o.glns.join(', '),
    } as typeof emptyOrganisation);
    setProblem(null);
    edit.open();
  };

  const submitEdit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(organisationBody(values));
      edit.close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  const submitCert = certForm.onSubmit(async (values) => {
    try {
      await addCert.mutateAsync(compact(values));
      certForm.reset();
      add.close();
    } catch (error) {
      setProblem(applyProblem(certForm, error));
    }
  });

  return (
    <Stack>
      <PageHeader
        title={o.name}
        actions={
          <>
            <StatusBadge status={o.reviewStatus} />
            <KeptPublicBadge kept={o.publicVersionKept} />
            <WithdrawPublication
              entityType="organisation"
              entityId={o.id}
              name={o.name}
              status={o.reviewStatus}
              kept={o.publicVersionKept}
              invalidate={invalidate}
            />
            <ReviewReason status={o.reviewStatus} note={o.reviewNote} variant="alert" />
            {mayEdit ? (
              <SubmitForReview
                entityType="organisation"
                entityId={o.id}
                status={o.reviewStatus}
                invalidate={invalidate}
              />
            ) : null}
            {mayEdit ? (
              <Button variant="light" leftSection={<IconEdit size={16} aria-hidden />} onClick={startEdit}>
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {o.reviewNote ? (
        <ProblemAlert error={{ type: '', status: 0, title: `${t('review.note')}: ${o.reviewNote}` }} />
      ) : null}
      <Card withBorder>
        <Details
          items={[
            [t('organisation.taxCode'), o.taxCode],
            [t('organisation.type'), t(`organisationType.${o.type}`)],
            [t('organisation.sector'), t(`sector.${o.sector}`)],
            [t('organisation.commune'), o.communeName ?? o.communeCode],
            [t('organisation.streetAddress'), o.streetAddress],
            [t('organisation.representative'), o.representative],
            [t('organisation.phone'), o.phone],
            [t('organisation.email'), o.email],
            [t('organisation.gs1CompanyPrefixes'), o.gs1CompanyPrefixes.join(', ')],
            [t('organisation.glns'), o.glns.join(', ')],
            [t('common.updatedAt'), formatDateTime(o.updatedAt)],
          ]}
        />
      </Card>
      <Group justify="space-between" mt="md">
        <Title order={2} size="h4">
          {t('certificate.title')}
        </Title>
        {mayEdit ? (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add.open}>
            {t('certificate.add')}
          </Button>
        ) : null}
      </Group>
      <DataTable<Certificate>
        caption={t('certificate.title')}
        rows={o.certificates}
        rowKey={(c) => c.id}
        emptyText={t('certificate.empty')}
        columns={[
          { key: 'kind', header: t('certificate.kind'), render: (c) => t(`certificateKind.${c.kind}`) },
          { key: 'number', header: t('certificate.number') },
          { key: 'issuer', header: t('certificate.issuer') },
          { key: 'validTo', header: t('certificate.validTo'), render: (c) => formatDate(c.validTo) },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (c) =>
              mayEdit ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('common.delete')}
                  onClick={() => removeCert.mutate(c.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal
        title={t('common.edit')}
        opened={editing}
        onClose={edit.close}
        onSubmit={submitEdit}
        problem={problem}
        submitting={save.isPending}
      >
        <OrganisationFields form={form} />
      </FormModal>
      <FormModal
        title={t('certificate.add')}
        opened={adding}
        onClose={add.close}
        onSubmit={submitCert}
        problem={problem}
        submitting={addCert.isPending}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('certificate.kind')}
            data={enumOptions(t, 'certificateKind', certificateKinds)}
            allowDeselect={false}
            {...certForm.getInputProps('kind')}
          />
          <TextInput label={t('certificate.number')} required {...certForm.getInputProps('number')} />
          <TextInput label={t('certificate.issuer')} required {...certForm.getInputProps('issuer')} />
          <TextInput label={t('certificate.fileUrl')} type="url" {...certForm.getInputProps('fileUrl')} />
          <DateInput
            label={t('certificate.validFrom')}
            valueFormat="DD/MM/YYYY"
            clearable
            value={certForm.values.validFrom || null}
            onChange={(d) => certForm.setFieldValue('validFrom', toIsoDate(d))}
            error={certForm.errors.validFrom}
          />
          <DateInput
            label={t('certificate.validTo')}
            valueFormat="DD/MM/YYYY"
            clearable
            value={certForm.values.validTo || null}
            onChange={(d) => certForm.setFieldValue('validTo', toIsoDate(d))}
            error={certForm.errors.validTo}
          />
        </SimpleGrid>
      </FormModal>
    </Stack>
  );
}
