import {
  Alert,
  Anchor,
  Badge,
  Box,
  Card,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconEyeOff } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import type { Lot } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { type FlowNode, layers, nameOf, stepOf, type Trace, type TraceEvent } from './trace-flow.ts';
import './words.ts';

/**
 * The lot's chain both ways as a layered flow, read left to right: where it came from (inputs, growing area,
 * suppliers), the lot, where it went (shipments, what was made of it, receivers). The API leaves out what the
 * viewer may not see; the flow says that it may not be whole.
 */
export function LotTrace({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const backward = useGet<Trace>('/api/trace', { id: lot.digitalLink, direction: 'backward' });
  const forward = useGet<Trace>('/api/trace', { id: lot.digitalLink, direction: 'forward' });
  if (backward.isPending || forward.isPending) return <Loader aria-label={t('common.loading')} />;
  const failed = backward.error ?? forward.error;
  // a lot nobody recorded a step of yet has no chain
  if (failed && (failed as { status?: number }).status !== 404) return <ProblemAlert error={failed} />;
  const flow = layers(backward.data, forward.data);
  // the department's staff see every chain whole; organisations and officers see their part of it
  const seesAll = ['dost_admin', 'dost_reviewer', 'inspector'].includes(me.role);
  const truncated = backward.data?.truncated || forward.data?.truncated;
  if (!flow.root) return <Text c="dimmed">{t('lotPage.noEvents')}</Text>;
  const columns: { key: string; heading: string; nodes: FlowNode[]; trace?: Trace }[] = [
    ...flow.origins.map((nodes, i) => ({
      key: `b${i}`,
      heading: t('lotPage.origin', { count: flow.origins.length - i }),
      nodes,
      trace: backward.data,
    })),
    { key: 'root', heading: t('lotPage.thisLot'), nodes: [flow.root], trace: forward.data ?? backward.data },
    ...flow.destinations.map((nodes, i) => ({
      key: `f${i}`,
      heading: t('lotPage.destination', { count: i + 1 }),
      nodes,
      trace: forward.data,
    })),
  ];
  return (
    <Stack gap="xs">
      <ScrollArea type="auto" offsetScrollbars>
        <Group
          align="stretch"
          wrap="nowrap"
          gap="xs"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {columns.map((column, i) => (
            <Group key={column.key} component="li" align="center" wrap="nowrap" gap="xs">
              {i > 0 ? <IconArrowRight size={20} aria-hidden color="var(--mantine-color-dimmed)" /> : null}
              <Stack gap="xs" w={280} style={{ alignSelf: 'flex-start' }}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {column.heading}
                </Text>
                {column.nodes.map((node) => (
                  <NodeCard
                    key={node.item.id}
                    node={node}
                    root={column.key === 'root'}
                    traces={[backward.data, forward.data]}
                  />
                ))}
              </Stack>
            </Group>
          ))}
        </Group>
      </ScrollArea>
      {seesAll && !truncated ? null : (
        <Alert variant="light" color="gray" icon={<IconEyeOff size={16} aria-hidden />} p="xs">
          {seesAll ? null : <Text size="xs">{t('lotPage.visibilityNote')}</Text>}
          {truncated ? <Text size="xs">{t('lotPage.truncated')}</Text> : null}
        </Alert>
      )}
    </Stack>
  );
}

const relationKeys = ['input', 'output', 'content', 'container', 'lot', 'item'];

function NodeCard({ node, root, traces }: { node: FlowNode; root: boolean; traces: (Trace | undefined)[] }) {
  const { t } = useTranslation();
  const { item } = node;
  const code = item.lot ?? item.serial ?? item.sscc;
  return (
    <Card withBorder padding="xs" radius="sm" bg={root ? 'var(--mantine-color-teal-light)' : undefined}>
      <Stack gap={4}>
        {item.via && relationKeys.includes(item.via.relation) ? (
          <Text size="xs" c="dimmed">
            {t(`lotPage.relation.${item.via.relation}`)}
          </Text>
        ) : null}
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Title order={4} size="sm">
            {root || !item.gtin || !item.lot || item.serial ? (
              <ItemName item={item} />
            ) : (
              <LotLink gtin={item.gtin} lot={item.lot}>
                <ItemName item={item} />
              </LotLink>
            )}
          </Title>
          {item.lotStatus && item.lotStatus !== 'active' ? <StatusBadge status={item.lotStatus} /> : null}
        </Group>
        {code ? (
          <Text size="xs">
            {item.sscc && !item.lot ? t('lotPage.sscc') : item.serial ? t('lotPage.serial') : t('lot.lot')}:{' '}
            {code}
          </Text>
        ) : null}
        {node.events.map((event) => (
          <EventLine key={event.eventId} event={event} itemId={item.id} traces={traces} />
        ))}
      </Stack>
    </Card>
  );
}

function ItemName({ item }: { item: FlowNode['item'] }) {
  const { t } = useTranslation();
  return <>{item.productName ?? t('lotPage.unnamedProduct')}</>;
}

/** A link to the lot's own page, when the viewer may read the lot (the lot list answers only those). */
function LotLink({ gtin, lot, children }: { gtin: string; lot: string; children: React.ReactNode }) {
  const found = useGet<{ items: Lot[] }>('/api/lots', { gtin, q: lot, pageSize: 5 });
  const match = found.data?.items.find((l) => l.lot === lot && l.gtin === gtin.padStart(14, '0'));
  if (!match) return <>{children}</>;
  return (
    <Anchor component={Link} to={`/lots/${match.id}`} inherit>
      {children}
    </Anchor>
  );
}

function EventLine({
  event,
  itemId,
  traces,
}: {
  event: TraceEvent;
  itemId: string;
  traces: (Trace | undefined)[];
}) {
  const { t } = useTranslation();
  const amount = event.ids.find((i) => i.id === itemId);
  const place = [event.bizLocation, event.readPoint]
    .filter((p): p is string => Boolean(p))
    .map((p) => traces.map((tr) => nameOf(tr, p)).find((n) => n.name)?.name)
    .find(Boolean);
  const area = traces
    .flatMap((tr) => tr?.locations ?? [])
    .find((l) => l.id === event.bizLocation && l.growingAreaCode);
  const parties = (links: TraceEvent['sources']) =>
    [...new Set(links.map((l) => l.value))].map(
      (value) => traces.map((tr) => nameOf(tr, value)).find((n) => n.name) ?? nameOf(undefined, value),
    );
  const from = parties(event.sources);
  const to = parties(event.destinations);
  return (
    <Box pl={6} style={{ borderLeft: '2px solid var(--mantine-color-gray-4)' }}>
      <Group gap={6}>
        <Badge size="xs" variant="light">
          {t(`lotPage.step.${stepOf(event)}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {formatDateTime(event.eventTime)}
        </Text>
      </Group>
      {amount?.quantity != null ? (
        <Text size="xs">
          {formatNumber(amount.quantity)}{' '}
          {amount.uom ? t(`unit.${amount.uom}`, { defaultValue: amount.uom }) : ''}
        </Text>
      ) : null}
      {place ? <Text size="xs">{t('lotPage.at', { place })}</Text> : null}
      {area ? <Text size="xs">{t('lotPage.growingArea', { code: area.growingAreaCode })}</Text> : null}
      {from.length ? <PartyLine label={t('lotPage.from')} parties={from} /> : null}
      {to.length ? <PartyLine label={t('lotPage.to')} parties={to} /> : null}
    </Box>
  );
}

function PartyLine({ label, parties }: { label: string; parties: ReturnType<typeof nameOf>[] }) {
  const { t } = useTranslation();
  const me = useMe().data!;
  // an organisation's page opens for its own people and the department's staff; others see the name only
  const mayOpen = (id: string | null) =>
    id !== null &&
    (me.organisationIds.includes(id) || ['dost_admin', 'dost_reviewer', 'inspector'].includes(me.role));
  return (
    <Text size="xs">
      {label}:{' '}
      {parties.map((p, i) => (
        <span key={`${p.name}-${p.gln}-${p.organisationId}`}>
          {i > 0 ? ', ' : null}
          {mayOpen(p.organisationId) ? (
            <Anchor component={Link} to={`/organisations/${p.organisationId}`} inherit>
              {p.name}
            </Anchor>
          ) : (
            (p.name ?? (p.gln ? t('lotPage.unregisteredGln', { gln: p.gln }) : t('lotPage.unnamedParty')))
          )}
        </span>
      ))}
    </Text>
  );
}
