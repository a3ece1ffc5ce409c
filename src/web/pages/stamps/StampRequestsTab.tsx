import { Button, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { isStaff, useMe } from '../../api/session.ts';
import { type Product, type StampRequest, stampKinds } from '../../api/types.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { choose, wholeNumberUpTo } from '../../components/field-checks.ts';
import { compact, enumOptions } from '../../components/options.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';

/** The server's limit (maxStampsPerRequest in src/stamps/stamps.schema.ts); stamps.limits.test.ts keeps them equal. */
export const maxStampsPerRequest = 1_000_000;

const emptyRequest = {
  organisationId: '',
  gtin: '',
  quantity: 100 as number | string,
  kind: 'traceability',
  note: '',
};

export function StampRequestsTab() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const list = useGet<{ items: StampRequest[] }>('/api/stamps/requests');
  const [opened, { open, close }] = useDisclosure();
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({
    initialValues: emptyRequest,
    validate: {
      gtin: choose(t, t('lot.product')),
      quantity: wholeNumberUpTo(t, t('stamp.quantity'), maxStampsPerRequest, 'stamp.tooMany'),
    },
  });
  const invalidate = ['/api/stamps'];
  const create = useSend('POST', '/api/stamps/requests', { invalidate, success: 'stamp.requested' });
  const mayRequest = !isStaff(me) || me.role === 'dost_admin';
  const mayDecide = me.role === 'dost_admin' || me.role === 'dost_reviewer';

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await create.mutateAsync({ ...compact(v), quantity: Number(v.quantity) });
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <Stack>
      {mayRequest ? (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              form.setValues({ ...emptyRequest, organisationId: ownOrganisation(me) ?? '' });
              setProblem(null);
              open();
            }}
          >
            {t('stamp.newRequest')}
          </Button>
        </Group>
      ) : null}
      <DataTable<StampRequest>
        caption={t('stamp.requests')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(r) => r.id}
        filters={[
          {
            key: 'status',
            label: t('stamp.status'),
            options: ['submitted', 'approved', 'refused'].map((s) => ({ value: s, label: t(`status.${s}`) })),
          },
        ]}
        columns={[
          { key: 'createdAt', header: t('common.createdAt'), render: (r) => formatDateTime(r.createdAt) },
          { key: 'gtin', header: 'GTIN' },
          {
            key: 'quantity',
            header: t('stamp.quantity'),
            // approved for fewer than asked: both, and the reviewer's reason under the range
            render: (r) =>
              r.approvedQuantity !== null && r.approvedQuantity !== r.quantity
                ? t('stamp.approvedOf', {
                    approved: formatNumber(r.approvedQuantity),
                    requested: formatNumber(r.quantity),
                  })
                : formatNumber(r.quantity),
          },
          { key: 'kind', header: t('stamp.kind'), render: (r) => t(`stampKind.${r.kind}`) },
          { key: 'status', header: t('stamp.status'), render: (r) => <StatusBadge status={r.status} /> },
          {
            key: 'range',
            header: t('stamp.range'),
            sortable: false,
            render: (r) =>
              r.range
                ? `${r.range.firstSerial}–${r.range.lastSerial}${r.reason ? ` (${r.reason})` : ''}`
                : (r.reason ?? '—'),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (r) =>
              // requests are decided in the review queue, beside their automatic pre-checks
              mayDecide && r.status === 'submitted' ? (
                <Button
                  size="xs"
                  variant="light"
                  component={Link}
                  to="/review"
                  leftSection={<IconChecklist size={14} aria-hidden />}
                >
                  {t('stamp.reviewInQueue')}
                </Button>
              ) : null,
          },
        ]}
        emptyText={t('stamp.noRequests')}
      />
      <FormModal
        title={t('stamp.newRequest')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending}
        size="md"
      >
        <OrganisationPicker
          value={form.values.organisationId}
          onChange={(id) => form.setFieldValue('organisationId', id)}
          error={form.errors.organisationId}
        />
        <EntitySelect<Product>
          label={t('lot.product')}
          required
          path="/api/products"
          query={{ organisationId: form.values.organisationId || undefined }}
          option={(p) => ({ value: p.gtin, label: `${p.name} (${p.gtin})` })}
          {...form.getInputProps('gtin')}
        />
        <NumberInput
          label={t('stamp.quantity')}
          required
          min={1}
          max={maxStampsPerRequest}
          thousandSeparator="."
          decimalSeparator=","
          {...form.getInputProps('quantity')}
        />
        <Select
          label={t('stamp.kind')}
          allowDeselect={false}
          data={enumOptions(t, 'stampKind', stampKinds)}
          {...form.getInputProps('kind')}
        />
        <Textarea label={t('stamp.note')} autosize minRows={2} {...form.getInputProps('note')} />
      </FormModal>
    </Stack>
  );
}
