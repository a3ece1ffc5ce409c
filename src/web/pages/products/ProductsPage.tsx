import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconPackage, IconPlus, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import { isStaff, useMe } from '../../api/session.ts';
import { type Product, sectors } from '../../api/types.ts';
import { ownOrganisation } from '../../components/acting-organisation.tsx';
import { addressFilters } from '../../components/address-filters.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { choose, enter } from '../../components/field-checks.ts';
import { useListState } from '../../components/list-state.ts';
import { enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { reviewStatusOptions } from '../../components/review-options.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { LabelEditor } from '../passport/LabelEditor.tsx';
import { KeptPublicBadge, ReviewReason, WithdrawPublication } from '../review/PublicationControls.tsx';
import { SubmitForReview } from '../review/SubmitForReview.tsx';
import { emptyProduct, ProductForm, productBody, productValues } from './ProductForm.tsx';

export function ProductsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  // a dashboard figure opens the list filtered by its sector
  const [initialFilters] = useState(() => addressFilters({ sector: sectors }));
  const control = useListState(20, initialFilters);
  const list = usePage<Product>('/api/products', control);
  const [opened, { open, close }] = useDisclosure();
  const [editing, setEditing] = useState<Product | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [labelOf, setLabelOf] = useState<Product | null>(null);
  const form = useForm({
    initialValues: emptyProduct,
    validate: {
      organisationId: choose(t, t('organisation.acting')),
      gtin: enter(t, t('product.gtin')),
      name: enter(t, t('product.name')),
    },
  });
  const invalidate = ['/api/products'];
  const create = useSend('POST', '/api/products', { invalidate });
  const save = useSend('PATCH', () => `/api/products/${editing?.id}`, { invalidate });
  const mayWrite = !isStaff(me) || me.role === 'dost_admin';

  const startCreate = () => {
    form.setValues({ ...emptyProduct, organisationId: ownOrganisation(me) ?? '' });
    setEditing(null);
    setProblem(null);
    open();
  };
  const startEdit = (p: Product) => {
    form.setValues(productValues(p));
    setEditing(p);
    setProblem(null);
    open();
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (editing) await save.mutateAsync(productBody(values, false));
      else await create.mutateAsync(productBody(values, true));
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <Stack>
      <PageHeader
        title={t('nav.products')}
        description={t('product.listDescription')}
        actions={
          mayWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startCreate}>
              {t('product.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<Product>
        caption={t('nav.products')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(p) => p.id}
        server={{ control, total: list.data?.total ?? 0 }}
        filters={[
          { key: 'sector', label: t('organisation.sector'), options: enumOptions(t, 'sector', sectors) },
          { key: 'reviewStatus', label: t('review.status'), options: reviewStatusOptions(t) },
        ]}
        columns={[
          {
            key: 'name',
            header: t('product.name'),
            render: (p) => (
              <Group gap="sm" wrap="nowrap">
                <Avatar src={p.images[0]} radius="sm" alt="">
                  <IconPackage size={18} aria-hidden />
                </Avatar>
                <div>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  {p.ocop ? (
                    <Text size="xs" c="dimmed">
                      OCOP {p.ocop.stars}★
                    </Text>
                  ) : null}
                </div>
              </Group>
            ),
          },
          { key: 'gtin', header: 'GTIN' },
          { key: 'brand', header: t('product.brand'), sortable: false },
          {
            key: 'reviewStatus',
            header: t('review.status'),
            sortable: false,
            render: (p) => (
              <Stack gap={2}>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge status={p.reviewStatus} />
                  <KeptPublicBadge kept={p.publicVersionKept} />
                </Group>
                <ReviewReason status={p.reviewStatus} note={p.reviewNote} />
              </Stack>
            ),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (p) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconTags size={14} aria-hidden />}
                  onClick={() => setLabelOf(p)}
                >
                  {t('product.eLabel')}
                </Button>
                {mayWrite ? (
                  <>
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconEdit size={14} aria-hidden />}
                      onClick={() => startEdit(p)}
                    >
                      {t('common.edit')}
                    </Button>
                    <SubmitForReview
                      entityType="product"
                      entityId={p.id}
                      status={p.reviewStatus}
                      invalidate={invalidate}
                    />
                  </>
                ) : null}
                <WithdrawPublication
                  entityType="product"
                  entityId={p.id}
                  name={p.name}
                  status={p.reviewStatus}
                  kept={p.publicVersionKept}
                  invalidate={invalidate}
                />
              </Group>
            ),
          },
        ]}
        emptyText={t('product.empty')}
      />
      <FormModal
        title={editing ? editing.name : t('product.create')}
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
        <ProductForm form={form} productId={editing?.id} />
      </FormModal>
      {labelOf ? (
        <LabelEditor product={labelOf} mayWrite={mayWrite} onClose={() => setLabelOf(null)} />
      ) : null}
    </Stack>
  );
}
