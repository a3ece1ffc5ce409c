import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { DashboardView } from './hub.api.ts';
import { hubDeliveries, hubEvents, hubRecords } from './hub.schema.ts';
import { listNodes, presentNode } from './nodes.service.ts';

/** Each province node with what it sent by kind, its deliveries, refusals, last delivery and lag. */
export async function hubDashboard(db: DbOrTx): Promise<DashboardView> {
  const now = new Date();
  const [nodes, records, events, deliveries] = await Promise.all([
    listNodes(db),
    db
      .select({
        nodeId: hubRecords.nodeId,
        kind: hubRecords.kind,
        live: sql<number>`count(*) filter (where not ${hubRecords.withdrawn})::int`,
        withdrawn: sql<number>`count(*) filter (where ${hubRecords.withdrawn})::int`,
      })
      .from(hubRecords)
      .groupBy(hubRecords.nodeId, hubRecords.kind),
    db
      .select({
        nodeId: hubEvents.nodeId,
        live: sql<number>`count(*) filter (where not ${hubEvents.withdrawn})::int`,
        withdrawn: sql<number>`count(*) filter (where ${hubEvents.withdrawn})::int`,
      })
      .from(hubEvents)
      .groupBy(hubEvents.nodeId),
    db
      .select({
        nodeId: hubDeliveries.nodeId,
        deliveries: sql<number>`count(*)::int`,
        rejected: sql<number>`coalesce(sum(${hubDeliveries.rejected}), 0)::int`,
      })
      .from(hubDeliveries)
      .groupBy(hubDeliveries.nodeId),
  ]);
  const out: DashboardView['nodes'] = [];
  for (const node of nodes) {
    const counts: Record<string, number> = {};
    let withdrawn = 0;
    for (const r of records.filter((r) => r.nodeId === node.id)) {
      counts[r.kind] = r.live;
      withdrawn += r.withdrawn;
    }
    const e = events.find((e) => e.nodeId === node.id);
    if (e) {
      counts.event = e.live;
      withdrawn += e.withdrawn;
    }
    const d = deliveries.find((d) => d.nodeId === node.id);
    const recent = await db
      .select()
      .from(hubDeliveries)
      .where(eq(hubDeliveries.nodeId, node.id))
      .orderBy(desc(hubDeliveries.receivedAt))
      .limit(50);
    const lastRejections = recent
      .flatMap((r) => r.rejections.map((x) => ({ ...x, at: r.receivedAt.toISOString() })))
      .slice(0, 10);
    out.push({
      ...presentNode(node),
      counts,
      withdrawn,
      deliveries: d?.deliveries ?? 0,
      rejected: d?.rejected ?? 0,
      lagSeconds: recent.find((r) => r.lagSeconds !== null)?.lagSeconds ?? null,
      silentSeconds: node.lastDeliveryAt
        ? Math.round((now.getTime() - node.lastDeliveryAt.getTime()) / 1000)
        : null,
      lastRejections,
    });
  }
  return { nodes: out, generatedAt: now.toISOString() };
}
