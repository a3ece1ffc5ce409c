import { and, count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { buildDigitalLink } from '../gs1/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { type SearchHit, type SearchQuery, searchKinds } from './hub.api.ts';
import { hubNodes, hubRecords } from './hub.schema.ts';
import { fold } from './text-fold.ts';

/** `%` and `_` typed by a reader match themselves, not any text. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Where a record is seen at the hub: its Digital Link path for a product or lot, none for a producer. */
function hrefOf(kind: string, gtin: string | null, lot: string | null): string | null {
  if (!gtin || kind === 'organisation') return null;
  const ais = [{ ai: '01', value: gtin }];
  if (kind === 'lot' && lot) ais.push({ ai: '10', value: lot });
  return new URL(buildDigitalLink(ais)).pathname;
}

/**
 * National search (issue 14 §3): products, producers and lots every province sent, withdrawn ones left out,
 * matched on name, GTIN, lot number and tax code without Vietnamese marks, newest first, a page at a time.
 */
export async function searchHub(db: DbOrTx, query: SearchQuery) {
  const words = fold(query.q).split(' ').filter(Boolean).slice(0, 8);
  const where = and(
    eq(hubRecords.withdrawn, false),
    query.kind ? eq(hubRecords.kind, query.kind) : inArray(hubRecords.kind, [...searchKinds]),
    ...words.map((w) => ilike(hubRecords.searchText, `%${likeEscaped(w)}%`)),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        kind: hubRecords.kind,
        recordId: hubRecords.recordId,
        name: hubRecords.name,
        gtin: hubRecords.gtin,
        lot: hubRecords.lot,
        taxCode: hubRecords.taxCode,
        organisationId: hubRecords.organisationId,
        nodeId: hubRecords.nodeId,
        receivedAt: hubRecords.receivedAt,
        provinceCode: hubNodes.provinceCode,
        provinceName: hubNodes.name,
      })
      .from(hubRecords)
      .innerJoin(hubNodes, eq(hubNodes.id, hubRecords.nodeId))
      .where(where)
      .orderBy(desc(hubRecords.receivedAt), hubRecords.recordId)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(hubRecords).where(where),
  ]);
  const producers = await producerNames(
    db,
    rows.filter((r) => r.organisationId && r.kind !== 'organisation'),
  );
  const items: SearchHit[] = rows.map((r) => ({
    kind: r.kind as SearchHit['kind'],
    recordId: r.recordId,
    name: r.name ?? r.gtin ?? r.recordId,
    gtin: r.gtin,
    lot: r.lot,
    taxCode: r.taxCode,
    producer: r.organisationId ? (producers.get(`${r.nodeId}/${r.organisationId}`) ?? null) : null,
    province: { code: r.provinceCode, name: r.provinceName },
    href: hrefOf(r.kind, r.gtin, r.lot),
    receivedAt: r.receivedAt.toISOString(),
  }));
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** The names of the producers of a page of hits, each within its own node: ids are a province's own. */
async function producerNames(db: DbOrTx, rows: { nodeId: string; organisationId: string | null }[]) {
  const names = new Map<string, string>();
  if (!rows.length) return names;
  const found = await db
    .select({ nodeId: hubRecords.nodeId, recordId: hubRecords.recordId, name: hubRecords.name })
    .from(hubRecords)
    .where(
      and(
        eq(hubRecords.kind, 'organisation'),
        eq(hubRecords.withdrawn, false),
        sql`(${hubRecords.nodeId}, ${hubRecords.recordId}) in (${sql.join(
          rows.map((r) => sql`(${r.nodeId}::uuid, ${r.organisationId})`),
          sql`, `,
        )})`,
      ),
    );
  for (const f of found) if (f.name) names.set(`${f.nodeId}/${f.recordId}`, f.name);
  return names;
}
