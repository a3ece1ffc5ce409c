import { type SQL, sql } from 'drizzle-orm';
import { type Actor, type DbOrTx, forbidden, localToday, notFound } from '../platform/index.ts';
import type { ComplianceRow, ComplianceView } from './catalogues.api.ts';
import { canReadLists, complianceScope } from './catalogues.policy.ts';

async function query<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

import { getVersion, versionsInForce } from './catalogues.service.ts';

// The lists match the registry's products by SQL over its tables, read-only: one query per view, not one per row.

/** Whether product `p` is named by item `i`: same group (any case), same GTIN (padded to 14), or name containing. */
const matches = sql`(
  (i.match = 'product_group' AND lower(p.product_group) = lower(i.value))
  OR (i.match = 'gtin' AND p.gtin = lpad(i.value, 14, '0'))
  OR (i.match = 'name' AND position(lower(i.value) in lower(p.name)) > 0)
)`;

export type Membership = {
  listId: string;
  title: string;
  kind: 'mandatory' | 'priority';
  category: string | null;
  versionId: string;
  /** The sector department that keeps the list. */
  sector: string;
};

/** The lists in force today that name each of the products: their memberships, computed, never stored. */
export async function listMembershipsOf(
  db: DbOrTx,
  productIds: string[],
  actor: Actor | null,
  day = localToday(),
): Promise<Map<string, Membership[]>> {
  const result = new Map<string, Membership[]>();
  if (!productIds.length) return result;
  // an organisation learns the memberships of its own products only; staff (and callers inside the program) of all
  if (actor && !canReadLists(actor)) {
    const own = await query<{ id: string }>(
      db,
      sql`SELECT id FROM products WHERE id IN (${sql.join(
        productIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) AND organisation_id::text IN (${sql.join(
        ['', ...actor.organisationIds].map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    if (own.length !== new Set(productIds).size) throw notFound('registry.product-not-found');
  }
  const current = await versionsInForce(db, day);
  if (!current.length) return result;
  const versionIds = current.map((c) => c.version.id);
  const rows = await query<{ product_id: string; version_id: string }>(
    db,
    sql`
    SELECT DISTINCT p.id AS product_id, i.version_id
    FROM products p JOIN catalogue_items i ON ${matches}
    WHERE p.id IN (${sql.join(
      productIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      AND i.version_id IN (${sql.join(
        versionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  for (const r of rows) {
    const c = current.find((x) => x.version.id === r.version_id);
    if (!c) continue;
    const list = result.get(r.product_id) ?? [];
    list.push({
      listId: c.list.id,
      title: c.list.title,
      kind: c.list.kind as Membership['kind'],
      category: c.list.category,
      versionId: c.version.id,
      sector: c.list.sector,
    });
    result.set(r.product_id, list);
  }
  return result;
}

/**
 * The products a list of `kind` in force on `day` names, as a subquery of product ids (one statement, however many
 * products): how other modules (the automatic checks) ask "which products must be traced".
 */
export async function listedProductsSql(
  db: DbOrTx,
  kind: Membership['kind'],
  day = localToday(),
): Promise<SQL> {
  const versionIds = (await versionsInForce(db, day))
    .filter((c) => c.list.kind === kind)
    .map((c) => c.version.id);
  if (!versionIds.length) return sql`SELECT NULL::uuid AS id WHERE FALSE`;
  return sql`SELECT DISTINCT p.id FROM products p JOIN catalogue_items i ON ${matches}
    WHERE i.version_id IN (${sql.join(
      versionIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
}

function scopeSql(actor: Actor): SQL {
  const scope = complianceScope(actor);
  if (!scope) throw forbidden();
  switch (scope.kind) {
    case 'all':
      return sql`TRUE`;
    case 'sector':
      return scope.sector ? sql`o.sector = ${scope.sector}` : sql`FALSE`;
    case 'communes':
      return scope.codes.length
        ? sql`o.commune_code IN (${sql.join(
            scope.codes.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`FALSE`;
  }
}

/**
 * Who a list version names and what each lacks: traceability in place (a declared traceability system or any EPCIS
 * event of the organisation), approved data (product and organisation approved or published), stamps issued for
 * the GTIN, events in the last 90 days. Over the reader's scope, filtered by sector and commune.
 */
export async function complianceOf(
  db: DbOrTx,
  versionId: string,
  filters: { sector?: string; commune?: string },
  actor: Actor,
): Promise<ComplianceView> {
  const scope = scopeSql(actor);
  const version = await getVersion(db, versionId, actor);
  const [list] = await query<{ title: string }>(
    db,
    sql`SELECT title FROM catalogue_lists WHERE id = ${version.listId}::uuid`,
  );
  const rows = await query<{
    organisation_id: string;
    organisation_name: string;
    sector: string;
    commune_code: string | null;
    product_id: string;
    product_name: string;
    gtin: string;
    traceability: boolean;
    approved_data: boolean;
    stamps: boolean;
    recent: number;
  }>(
    db,
    sql`
    WITH listed AS (
      SELECT DISTINCT p.id, p.organisation_id, p.name, p.gtin, p.review_status, p.published_row
      FROM products p JOIN catalogue_items i ON i.version_id = ${versionId}::uuid AND ${matches}
    ), recent AS (
      SELECT e.organisation_id, count(*)::int AS n FROM epcis_events e
      WHERE e.organisation_id IN (SELECT organisation_id FROM listed) AND e.event_time > now() - interval '90 days'
      GROUP BY e.organisation_id
    )
    SELECT o.id AS organisation_id, o.name AS organisation_name, o.sector, o.commune_code,
      l.id AS product_id, l.name AS product_name, l.gtin,
      (EXISTS (SELECT 1 FROM traceability_systems ts WHERE ts.organisation_id = o.id)
        OR EXISTS (SELECT 1 FROM epcis_events e WHERE e.organisation_id = o.id)) AS traceability,
      ((l.review_status = 'approved' OR l.published_row IS NOT NULL)
        AND (o.review_status = 'approved' OR o.published_row IS NOT NULL)) AS approved_data,
      EXISTS (SELECT 1 FROM stamp_ranges s WHERE s.gtin = l.gtin) AS stamps,
      coalesce(r.n, 0) AS recent
    FROM listed l JOIN organisations o ON o.id = l.organisation_id
    LEFT JOIN recent r ON r.organisation_id = o.id
    WHERE ${scope}
      ${filters.sector ? sql`AND o.sector = ${filters.sector}` : sql``}
      ${filters.commune ? sql`AND o.commune_code = ${filters.commune}` : sql``}
    ORDER BY o.name, l.name, l.id`,
  );
  const out: ComplianceRow[] = rows.map((r) => {
    const gaps: ComplianceRow['gaps'] = [];
    if (!r.traceability) gaps.push('traceability');
    if (!r.approved_data) gaps.push('approved_data');
    if (!r.stamps) gaps.push('stamps');
    if (!Number(r.recent)) gaps.push('recent_events');
    return {
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      sector: r.sector,
      communeCode: r.commune_code,
      productId: r.product_id,
      productName: r.product_name,
      gtin: r.gtin,
      traceability: r.traceability,
      approvedData: r.approved_data,
      stampsInUse: r.stamps,
      recentEvents: Number(r.recent),
      gaps,
    };
  });
  return {
    versionId,
    listTitle: list?.title ?? '',
    totals: {
      organisations: new Set(out.map((r) => r.organisationId)).size,
      products: out.length,
      withTraceability: out.filter((r) => r.traceability).length,
      withApprovedData: out.filter((r) => r.approvedData).length,
      withStamps: out.filter((r) => r.stampsInUse).length,
      withRecentEvents: out.filter((r) => r.recentEvents > 0).length,
      withGaps: out.filter((r) => r.gaps.length).length,
    },
    rows: out,
  };
}
