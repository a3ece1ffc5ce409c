import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import type { Lot, StampRange } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Details } from '../../components/Details.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';

const run = (v: { firstSerial: number | string; lastSerial: number | string }) => ({
  firstSerial: v.firstSerial === '' ? undefined : Number(v.firstSerial),
  lastSerial: v.lastSerial === '' ? undefined : Number(v.lastSerial),
});

/** One allocated range: its state by run, history, and the print / activate / deactivate / revoke actions. */
export function StampRangeDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const range = useGet<StampRange>(`/api/stamps/ranges/${id}`);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [printing, setPrinting] = useState(false);
  const printForm = useForm({
    initialValues: {
      firstSerial: '' as number | string,
      lastSerial: '' as number | string,
      layout: 'a4',
      carrier: 'qr',
      reprint: false,
    },
  });
  const changeForm = useForm({
    initialValues: {
      action: 'activate',
      lot: '',
      reason: '',
      firstSerial: '' as number | string,
      lastSerial: '' as number | string,
    },
  });
  const change = useSend<{ action: string; body: unknown }>(
    'POST',
    (b) => `/api/stamps/ranges/${id}/${b.action}`,
    {
      invalidate: ['/api/stamps'],
      body: (v) => v.body,
    },
  );

  if (range.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (range.error) return <ProblemAlert error={range.error} />;
  const r = range.data;

  const print = printForm.onSubmit(async (v) => {
    setProblem(null);
    setPrinting(true);
    try {
      await downloadFile(
        'POST',
        `/api/stamps/ranges/${id}/print`,
        `tem-${r.gtin}-${v.firstSerial || r.firstSerial}.pdf`,
        {
          ...run(v),
          layout: v.layout,
          carrier: v.carrier,
          reprint: v.reprint,
        },
      );
      notifications.show({ color: 'teal', message: i18next.t('stamp.printed') });
      await range.refetch();
    } catch (error) {
      setProblem(applyProblem(printForm, error));
    } finally {
      setPrinting(false);
    }
  });

  const submitChange = changeForm.onSubmit(async (v) => {
    setProblem(null);
    const body =
      v.action === 'activate'
        ? { ...run(v), lot: v.lot }
        : { ...run(v), reason: v.reason.trim() || undefined };
    try {
      await change.mutateAsync({ action: v.action, body });
    } catch (error) {
      setProblem(applyProblem(changeForm, error));
    }
  });

  return (
    <Stack>
      {problem ? <ProblemAlert error={problem} /> : null}
      <Details
        items={[
          ['GTIN', r.gtin],
          [t('stamp.kind'), t(`stampKind.${r.kind}`)],
          [t('stamp.serials'), `${r.firstSerial}–${r.lastSerial} (${formatNumber(r.count)})`],
          [
            t('stamp.sampleUri'),
            <Anchor key="uri" href={r.sampleUri} target="_blank" style={{ wordBreak: 'break-all' }}>
              {r.sampleUri}
            </Anchor>,
          ],
        ]}
      />
      <SimpleGrid cols={4}>
        {(['allocated', 'active', 'deactivated', 'revoked'] as const).map((k) => (
          <Card key={k} withBorder padding="xs">
            <Text size="xs" c="dimmed">
              {t(`stampState.${k}`)}
            </Text>
            <Text fw={700}>{formatNumber(r.counts[k])}</Text>
          </Card>
        ))}
      </SimpleGrid>

      <Card withBorder component="form" onSubmit={print} noValidate>
        <Title order={3} size="h5" mb="xs">
          {t('stamp.print')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('stamp.firstSerial')}
            min={r.firstSerial}
            max={r.lastSerial}
            placeholder={String(r.firstSerial)}
            {...printForm.getInputProps('firstSerial')}
          />
          <NumberInput
            label={t('stamp.lastSerial')}
            min={r.firstSerial}
            max={r.lastSerial}
            placeholder={String(r.lastSerial)}
            {...printForm.getInputProps('lastSerial')}
          />
          <Select
            label={t('stamp.layout')}
            allowDeselect={false}
            data={[
              { value: 'a4', label: t('stamp.layoutA4') },
              { value: 'roll', label: t('stamp.layoutRoll') },
            ]}
            {...printForm.getInputProps('layout')}
          />
          <Select
            label={t('stamp.carrier')}
            allowDeselect={false}
            data={[
              { value: 'qr', label: t('stamp.carrierQr') },
              { value: 'datamatrix', label: t('stamp.carrierDataMatrix') },
              {
                value: 'gs1-datamatrix',
                label: t('stamp.carrierGs1DataMatrix'),
                // the secret is part of the link, which a GS1 element string cannot hold
                disabled: r.kind === 'anti_counterfeit',
              },
            ]}
            {...printForm.getInputProps('carrier')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('stamp.layoutHint')}. {t('stamp.carrierHint')}
        </Text>
        <Group justify="space-between" mt="sm">
          <Switch label={t('stamp.reprint')} {...printForm.getInputProps('reprint', { type: 'checkbox' })} />
          <Button type="submit" loading={printing} leftSection={<IconPrinter size={16} aria-hidden />}>
            {t('stamp.printPdf')}
          </Button>
        </Group>
      </Card>

      <Card withBorder component="form" onSubmit={submitChange} noValidate>
        <Title order={3} size="h5" mb="xs">
          {t('stamp.changeTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('stamp.action')}
            allowDeselect={false}
            data={['activate', 'deactivate', 'revoke'].map((a) => ({
              value: a,
              label: t(`stampAction.${a}`),
            }))}
            {...changeForm.getInputProps('action')}
          />
          {changeForm.values.action === 'activate' ? (
            <EntitySelect<Lot>
              label={t('lot.lot')}
              required
              path="/api/lots"
              query={{ gtin: r.gtin }}
              option={(l) => ({ value: l.lot, label: `${l.lot} — ${l.productName}` })}
              {...changeForm.getInputProps('lot')}
            />
          ) : (
            <TextInput label={t('review.reason')} {...changeForm.getInputProps('reason')} />
          )}
          <NumberInput
            label={t('stamp.firstSerial')}
            min={r.firstSerial}
            max={r.lastSerial}
            placeholder={String(r.firstSerial)}
            {...changeForm.getInputProps('firstSerial')}
          />
          <NumberInput
            label={t('stamp.lastSerial')}
            min={r.firstSerial}
            max={r.lastSerial}
            placeholder={String(r.lastSerial)}
            {...changeForm.getInputProps('lastSerial')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button
            type="submit"
            loading={change.isPending}
            color={changeForm.values.action === 'revoke' ? 'red' : undefined}
          >
            {t(`stampAction.${changeForm.values.action}`)}
          </Button>
        </Group>
      </Card>

      <Title order={3} size="h5">
        {t('stamp.segments')}
      </Title>
      <DataTable
        caption={t('stamp.segments')}
        searchable={false}
        rows={r.segments}
        rowKey={(s) => `${s.firstSerial}`}
        columns={[
          {
            key: 'firstSerial',
            header: t('stamp.serials'),
            render: (s) => `${s.firstSerial}–${s.lastSerial}`,
          },
          { key: 'state', header: t('stamp.status'), render: (s) => <StatusBadge status={s.state} /> },
          { key: 'lot', header: t('lot.lot') },
          { key: 'since', header: t('stamp.since'), render: (s) => formatDateTime(s.since) },
        ]}
      />
      <Title order={3} size="h5">
        {t('stamp.history')}
      </Title>
      <DataTable
        caption={t('stamp.history')}
        searchable={false}
        rows={r.history}
        rowKey={(h) => `${h.at}-${h.firstSerial}-${h.action}`}
        columns={[
          { key: 'at', header: t('common.createdAt'), render: (h) => formatDateTime(h.at) },
          {
            key: 'action',
            header: t('stamp.action'),
            render: (h) => t(`stampAction.${h.action}`, { defaultValue: h.action }),
          },
          {
            key: 'firstSerial',
            header: t('stamp.serials'),
            render: (h) => `${h.firstSerial}–${h.lastSerial}`,
          },
          { key: 'lot', header: t('lot.lot') },
          { key: 'actorName', header: t('audit.actor') },
        ]}
      />
    </Stack>
  );
}
