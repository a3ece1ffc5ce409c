import { Anchor, Button, Group, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { usePage, useSend } from '../../api/hooks.ts';
import type { Location } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useListState } from '../../components/list-state.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';

interface Shipment {
  id: string;
  state: 'pending' | 'received' | 'disputed';
  sender: { organisationId: string; name: string | null };
  /** organisationId null: a party outside the platform, by the name the sender gave */
  receiver: { organisationId: string | null; name: string | null };
  shippedAt: string;
  items: { id: string; gtin: string; lot: string; quantity: number; unit: string }[];
  bizTransactions: { type: string; value: string }[];
  disputeReason: string | null;
}

const states = {
  incoming: ['pending', 'received', 'disputed'],
  outgoing: ['pending', 'received', 'disputed', 'outside'],
} as const;

function ShipmentList({ side }: { side: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const control = useListState(20, side === 'incoming' ? { state: 'pending' } : {});
  const list = usePage<Shipment>(`/api/shipments/${side}`, control);
  const [acting, setActing] = useState<{ shipment: Shipment; action: 'receive' | 'dispute' } | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({ initialValues: { locationId: '', reason: '' } });
  const send = useSend<{ action: string; body: unknown }>(
    'POST',
    (b) => `/api/shipments/${acting?.shipment.id}/${b.action}`,
    {
      invalidate: ['/api/shipments', '/api/lots'],
      body: (v) => v.body,
    },
  );

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    const body =
      acting!.action === 'receive' ? { locationId: v.locationId || undefined } : { reason: v.reason.trim() };
    try {
      await send.mutateAsync({ action: acting!.action, body });
      setActing(null);
      form.reset();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });

  return (
    <>
      <DataTable<Shipment>
        caption={t(`shipment.${side}`)}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        rowKey={(s) => s.id}
        server={{ control, total: list.data?.total ?? 0 }}
        searchable={false}
        filters={[
          {
            key: 'state',
            label: t('shipment.state'),
            options: states[side].map((s) => ({ value: s, label: t(`shipment.stateName.${s}`) })),
          },
        ]}
        columns={[
          {
            key: 'shippedAt',
            header: t('shipment.shippedAt'),
            sortable: false,
            render: (s) => formatDateTime(s.shippedAt),
          },
          {
            key: 'party',
            header: side === 'incoming' ? t('shipment.sender') : t('shipment.receiver'),
            sortable: false,
            render: (s) =>
              side === 'incoming' ? (
                (s.sender.name ?? '—')
              ) : (
                <>
                  {s.receiver.name ?? '—'}
                  {s.receiver.organisationId ? null : (
                    <Text size="xs" c="dimmed">
                      {t('shipment.outsideParty')}
                    </Text>
                  )}
                </>
              ),
          },
          {
            key: 'items',
            header: t('shipment.items'),
            sortable: false,
            render: (s) => (
              <Stack gap={0}>
                {s.items.map((i) => (
                  <Text key={i.id} size="sm">
                    {i.gtin} /{' '}
                    <Anchor href={`/app/lots?q=${encodeURIComponent(i.lot)}`} size="sm">
                      {i.lot}
                    </Anchor>
                    : {formatNumber(i.quantity)} {t(`unit.${i.unit}`, { defaultValue: i.unit })}
                  </Text>
                ))}
              </Stack>
            ),
          },
          {
            key: 'documents',
            header: t('shipment.documents'),
            sortable: false,
            render: (s) => s.bizTransactions.map((b) => b.value).join(', ') || '—',
          },
          {
            key: 'state',
            header: t('shipment.state'),
            sortable: false,
            render: (s) => (
              <>
                <StatusBadge status={s.state} />
                {s.disputeReason ? <Text size="xs">{s.disputeReason}</Text> : null}
              </>
            ),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            render: (s) =>
              side === 'incoming' && s.state === 'pending' ? (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    leftSection={<IconCheck size={14} aria-hidden />}
                    onClick={() => setActing({ shipment: s, action: 'receive' })}
                  >
                    {t('shipment.receive')}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    leftSection={<IconX size={14} aria-hidden />}
                    onClick={() => setActing({ shipment: s, action: 'dispute' })}
                  >
                    {t('shipment.dispute')}
                  </Button>
                </Group>
              ) : null,
          },
        ]}
        emptyText={t('shipment.empty')}
      />
      <FormModal
        title={acting?.action === 'receive' ? t('shipment.receive') : t('shipment.dispute')}
        opened={acting !== null}
        onClose={() => setActing(null)}
        onSubmit={submit}
        problem={problem}
        submitting={send.isPending}
        size="md"
      >
        {acting?.action === 'receive' ? (
          <EntitySelect<Location>
            label={t('shipment.arrivedAt')}
            path="/api/locations"
            option={(l) => ({ value: l.id, label: l.name })}
            {...form.getInputProps('locationId')}
          />
        ) : (
          <Textarea
            label={t('review.reason')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
        )}
      </FormModal>
    </>
  );
}

/** Goods sent to us by other organisations on the platform (confirm or dispute), and what we sent, to them or outside. */
export function ShipmentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.shipments')} description={t('shipment.description')} />
      <Tabs defaultValue="incoming" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="incoming">{t('shipment.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('shipment.outgoing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incoming">
          <ShipmentList side="incoming" />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing">
          <ShipmentList side="outgoing" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
