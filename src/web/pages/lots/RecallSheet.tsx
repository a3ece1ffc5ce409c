import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download.ts';
import { useGet } from '../../api/hooks.ts';
import type { Lot } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import './words.ts';

/** What GET /api/trace/recall answers (docs/api.md); the route declares no schema since it also sends files. */
interface RecallSheetData {
  lots: {
    id: string;
    gtin: string | null;
    lot: string | null;
    productName: string | null;
    affectedAs: string;
    lotStatus: string | null;
  }[];
  stamps: {
    lotId: string;
    lot: string;
    kind: string;
    organisationName: string | null;
    runs: { firstSerial: number; lastSerial: number }[];
    issued: number;
    active: number;
    deactivated: number;
    revoked: number;
    scanned: number;
    scans: number;
  }[];
  shipments: {
    shipmentId: string | null;
    shippingEventId: string;
    lotId: string;
    lot: string;
    sender: string | null;
    receiver: string | null;
    shippedAt: string;
    quantity: number;
    unit: string;
    state: string;
  }[];
}

const shipmentColours: Record<string, string> = {
  pending: 'blue',
  received: 'green',
  disputed: 'red',
  outside: 'gray',
  sent: 'blue',
};

const runsText = (runs: { firstSerial: number; lastSerial: number }[]) =>
  runs
    .map((r) => (r.firstSerial === r.lastSerial ? `${r.firstSerial}` : `${r.firstSerial}–${r.lastSerial}`))
    .join(', ');

/**
 * "Phiếu thu hồi": the lots a recall of this one reaches, the stamps on them and the shipments that carried
 * them, as far as the viewer may read; downloadable as CSV sheets or one spreadsheet.
 */
export function RecallSheet({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const path = `/api/trace/recall?id=${encodeURIComponent(lot.digitalLink)}`;
  const sheet = useGet<RecallSheetData>(path);
  const [problem, setProblem] = useState<unknown>(null);
  const fileName = `phieu-thu-hoi-${lot.lot}`;
  const download = async (format: string, suffix: string) => {
    setProblem(null);
    try {
      await downloadFile(
        'GET',
        `${path}&format=${format}${suffix ? `&sheet=${suffix}` : ''}`,
        `${fileName}${suffix ? `-${suffix}` : ''}.${format}`,
      );
    } catch (error) {
      setProblem(error);
    }
  };
  if (sheet.error && (sheet.error as { status?: number }).status === 404)
    return <Text c="dimmed">{t('lotPage.noEvents')}</Text>;
  const lotName = (id: string) => {
    const l = sheet.data?.lots.find((x) => x.id === id);
    return l ? `${l.productName ?? ''} — ${l.lot ?? ''}` : '';
  };
  const others = (sheet.data?.lots ?? []).filter((l) => l.affectedAs !== 'recalled' && l.lot);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          {t('lotPage.recallSheetHint')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => download('xlsx', '')}
          >
            {t('lotPage.downloadXlsx')}
          </Button>
          <Button size="xs" variant="default" onClick={() => download('csv', 'stamps')}>
            {t('lotPage.downloadStampsCsv')}
          </Button>
          <Button size="xs" variant="default" onClick={() => download('csv', 'shipments')}>
            {t('lotPage.downloadShipmentsCsv')}
          </Button>
        </Group>
      </Group>
      {problem ? <ProblemAlert error={problem} /> : null}
      {others.length ? (
        <Text size="sm">
          {t('lotPage.alsoAffected')}:{' '}
          {others
            .map((l) => `${l.productName ?? ''} — ${l.lot} (${t(`lotPage.affected.${l.affectedAs}`)})`)
            .join('; ')}
        </Text>
      ) : null}
      <Title order={4} size="h5">
        {t('lotPage.stamps')}
      </Title>
      <DataTable
        caption={t('lotPage.stamps')}
        rows={sheet.data?.stamps}
        loading={sheet.isPending}
        error={sheet.error}
        rowKey={(s) => `${s.lotId} ${s.kind} ${s.runs[0]?.firstSerial}`}
        searchable={false}
        columns={[
          { key: 'lot', header: t('lot.lot'), render: (s) => lotName(s.lotId) },
          {
            key: 'kind',
            header: t('lotPage.stampKind'),
            render: (s) => t(`lotPage.stampKindName.${s.kind}`, { defaultValue: s.kind }),
          },
          { key: 'runs', header: t('lotPage.serials'), render: (s) => runsText(s.runs), sortable: false },
          { key: 'issued', header: t('lotPage.issued'), render: (s) => formatNumber(s.issued) },
          { key: 'active', header: t('lotPage.activeStamps'), render: (s) => formatNumber(s.active) },
          {
            key: 'off',
            header: t('lotPage.offStamps'),
            render: (s) => formatNumber(s.deactivated + s.revoked),
            sortable: false,
          },
          {
            key: 'scanned',
            header: t('lotPage.scanned'),
            render: (s) => `${formatNumber(s.scanned)} (${t('lotPage.scans', { count: s.scans })})`,
          },
        ]}
        emptyText={t('lotPage.noStamps')}
      />
      <Title order={4} size="h5">
        {t('lotPage.shipments')}
      </Title>
      <DataTable
        caption={t('lotPage.shipments')}
        rows={sheet.data?.shipments}
        loading={sheet.isPending}
        error={sheet.error}
        rowKey={(s) => `${s.shippingEventId} ${s.lotId}`}
        searchable={false}
        columns={[
          { key: 'lot', header: t('lot.lot'), render: (s) => lotName(s.lotId) },
          { key: 'sender', header: t('shipment.sender') },
          { key: 'receiver', header: t('shipment.receiver') },
          { key: 'shippedAt', header: t('shipment.shippedAt'), render: (s) => formatDateTime(s.shippedAt) },
          {
            key: 'quantity',
            header: t('lot.quantity'),
            render: (s) => `${formatNumber(s.quantity)} ${t(`unit.${s.unit}`, { defaultValue: s.unit })}`,
          },
          {
            key: 'state',
            header: t('shipment.state'),
            render: (s) => (
              <Badge
                color={shipmentColours[s.state] ?? 'gray'}
                variant="light"
                styles={{ root: { minWidth: 'max-content' } }}
              >
                {t(`shipment.stateName.${s.state}`, { defaultValue: s.state })}
              </Badge>
            ),
          },
        ]}
        emptyText={t('lotPage.noShipments')}
      />
    </Stack>
  );
}
