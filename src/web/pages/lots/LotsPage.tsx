import { Anchor, Button, Group, Menu, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconEdit, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import { isStaff, useMe } from '../../api/session.ts';
import { type Lot, lotStatuses } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useListState } from '../../components/list-state.ts';
import { enumOptions } from '../../components/options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { reviewStatusOptions } from '../../components/review-options.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { KeptPublicBadge, ReviewReason, WithdrawPublication } from '../review/PublicationControls.tsx';
import { SubmitForReview } from '../review/SubmitForReview.tsx';
import { emptyLot, LotForm, lotBody, lotValues } from './LotForm.tsx';

export function LotsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  // a link may name the lot to find (`/app/lots?q=CC2606-01`, after a stage is saved or from a shipment): when
  // exactly one lot has that code, its own page opens instead of the list
  const [named] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const control = useListState(20, {}, named);
  const list = usePage<Lot>('/api/lots', control);
  const navigate = useNavigate();
  const only = list.data?.items.length === 1 ? list.data.items[0] : undefined;
  const openOnly =
    named !== '' &&
    control.query.q === named.trim() &&
    only?.lot.toLowerCase() === named.trim().toLowerCase();
  useEffect(() => {
    const to: string | undefined = openOnly ? `/lots/${only?.id}` : undefined;
    if (to) void navigate({ to, replace: true });
  }, [openOnly, only, navigate]);
  const [opened, { open, close }] = useDisclosure();
  const [editing, setEditing] = useState<Lot | null>(null);
  const [statusFor, setStatusFor] = useState<{ lot: Lot; status: string } | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: emptyLot });
  const statusForm = useForm({ initialValues: { note: '' } });
  const invalidate = ['/api/lots'];
  const create = useSend('POST', '/api/lots', { invalidate });
  const save = useSend('PATCH', () => `/api/lots/${editing?.id}`, { invalidate });
  const changeStatus = useSend('PUT', () => `/api/lots/${statusFor?.lot.id}/status`, { invalidate });
  const mayWrite = !isStaff(me) || me.role === 'dost_admin';
  const mayChangeStatus = mayWrite || me.role === 'inspector';

  const startCreate = () => {
    form.setValues(emptyLot);
    setEditing(null);
    setProblem(null);
    open();
  };
  const startEdit = (l: Lot) => {
    form.setValues(lotValues(l));
    setEditing(l);
    setProblem(null);
    open();
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (editing) await save.mutateAsync(lotBody(values, false));
      else await create.mutateAsync(lotBody(values, true));
      close();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  const submitStatus = statusForm.onSubmit(async (values) => {
    setProblem(null);
    try {
      await changeStatus.mutateAsync({ status: statusFor!.status, note: values.note.trim() || undefined });
      setStatusFor(null);
      statusForm.reset();
    } catch (error) {
      setProblem(applyProblem(statusForm, error));
    }
  });

  return (
    <Stack>
      <PageHeader
        title={t('nav.lots')}
        description={t('lot.listDescription')}
        actions={
          mayWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={startCreate}>
              {t('lot.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<Lot>
        caption={t('nav.lots')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(l) => l.id}
        server={{ control, total: list.data?.total ?? 0 }}
        filters={[
          { key: 'status', label: t('lot.status'), options: enumOptions(t, 'status', lotStatuses) },
          { key: 'reviewStatus', label: t('review.status'), options: reviewStatusOptions(t) },
        ]}
        columns={[
          {
            key: 'lot',
            header: t('lot.lot'),
            render: (l) => (
              <Anchor component={Link} to={`/lots/${l.id}`}>
                {l.lot}
              </Anchor>
            ),
          },
          {
            key: 'productName',
            header: t('lot.product'),
            sortable: false,
            render: (l) => `${l.productName} (${l.gtin})`,
          },
          {
            key: 'productionDate',
            header: t('lot.productionDate'),
            render: (l) => formatDate(l.productionDate),
          },
          { key: 'expiryDate', header: t('lot.expiryDate'), render: (l) => formatDate(l.expiryDate) },
          {
            key: 'quantity',
            header: t('lot.quantity'),
            sortable: false,
            // a unit by its name (kg, cái), never its UN/ECE code
            render: (l) =>
              l.quantity === null
                ? '—'
                : `${formatNumber(l.quantity)} ${l.unit ? t(`unit.${l.unit}`, { defaultValue: l.unit }) : ''}`,
          },
          {
            key: 'status',
            header: t('lot.status'),
            sortable: false,
            render: (l) => <StatusBadge status={l.status} />,
          },
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
                      entityType="lot"
                      entityId={l.id}
                      status={l.reviewStatus}
                      invalidate={invalidate}
                    />
                  </>
                ) : null}
                <WithdrawPublication
                  entityType="lot"
                  entityId={l.id}
                  name={`${l.productName} — ${l.lot}`}
                  status={l.reviewStatus}
                  kept={l.publicVersionKept}
                  invalidate={invalidate}
                />
                {mayChangeStatus ? (
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="subtle" aria-label={t('lot.changeStatus')}>
                        <IconDots size={16} aria-hidden />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{t('lot.changeStatus')}</Menu.Label>
                      {lotStatuses
                        .filter((s) => s !== l.status)
                        .map((s) => (
                          <Menu.Item key={s} onClick={() => setStatusFor({ lot: l, status: s })}>
                            {t(`status.${s}`)}
                          </Menu.Item>
                        ))}
                    </Menu.Dropdown>
                  </Menu>
                ) : null}
              </Group>
            ),
          },
        ]}
        emptyText={t('lot.empty')}
      />
      <FormModal
        title={editing ? `${editing.productName} — ${editing.lot}` : t('lot.create')}
        opened={opened}
        onClose={close}
        onSubmit={submit}
        problem={problem}
        submitting={create.isPending || save.isPending}
      >
        {editing ? (
          <ReviewReason status={editing.reviewStatus} note={editing.reviewNote} variant="alert" />
        ) : null}
        <LotForm form={form} creating={!editing} />
      </FormModal>
      <FormModal
        title={statusFor ? `${t('lot.changeStatus')}: ${t(`status.${statusFor.status}`)}` : ''}
        opened={statusFor !== null}
        onClose={() => setStatusFor(null)}
        onSubmit={submitStatus}
        problem={problem}
        submitting={changeStatus.isPending}
        size="md"
      >
        <Textarea label={t('lot.statusNote')} autosize minRows={2} {...statusForm.getInputProps('note')} />
      </FormModal>
    </Stack>
  );
}
