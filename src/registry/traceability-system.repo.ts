import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { likePattern } from './list-query.ts';
import type { ReadScope } from './registry.policy.ts';
import { organisations, traceabilitySystems } from './registry.schema.ts';
import { scopeCondition } from './scope-sql.ts';
import { circularDataItems, traceabilityPrinciples } from './traceability-system.schema.ts';

export type TraceabilitySystemRow = typeof traceabilitySystems.$inferSelect;

export async function insertTraceabilitySystem(db: DbOrTx, values: typeof traceabilitySystems.$inferInsert) {
  const [row] = await db.insert(traceabilitySystems).values(values).returning();
  return row;
}

export async function listTraceabilitySystems(
  db: DbOrTx,
  organisationId: string,
): Promise<TraceabilitySystemRow[]> {
  return db
    .select()
    .from(traceabilitySystems)
    .where(eq(traceabilitySystems.organisationId, organisationId))
    .orderBy(asc(traceabilitySystems.createdAt), asc(traceabilitySystems.id));
}

export async function deleteTraceabilitySystem(db: DbOrTx, organisationId: string, id: string) {
  const [row] = await db
    .delete(traceabilitySystems)
    .where(and(eq(traceabilitySystems.id, id), eq(traceabilitySystems.organisationId, organisationId)))
    .returning();
  return row ?? null;
}

/** Counts for the plans' indicators, over the organisations the reader may see. */
export async function summariseTraceabilitySystems(db: DbOrTx, scope: ReadScope) {
  const where = scopeCondition(scope, {
    organisationId: organisations.id,
    sector: organisations.sector,
    communeCode: organisations.communeCode,
  });
  const [totals] = await db
    .select({
      organisations: sql<number>`count(distinct ${organisations.id})::int`,
      organisationsWithSystem: sql<number>`count(distinct ${traceabilitySystems.organisationId})::int`,
      connectedToProvince: sql<number>`count(distinct ${traceabilitySystems.organisationId}) filter (where ${traceabilitySystems.connectedToProvince})::int`,
      connectedToNational: sql<number>`count(distinct ${traceabilitySystems.organisationId}) filter (where ${traceabilitySystems.connectedToNational})::int`,
    })
    .from(organisations)
    .leftJoin(traceabilitySystems, eq(traceabilitySystems.organisationId, organisations.id))
    .where(where);
  const byProvider = await db
    .select({
      provider: sql<string>`coalesce(${traceabilitySystems.provider}, ${traceabilitySystems.name})`,
      organisations: sql<number>`count(distinct ${traceabilitySystems.organisationId})::int`,
    })
    .from(traceabilitySystems)
    .innerJoin(organisations, eq(organisations.id, traceabilitySystems.organisationId))
    .where(where)
    .groupBy(sql`1`)
    .orderBy(sql`2 desc, 1`);
  return { ...totals, byProvider };
}

const fullConformity = sql`(cardinality(${traceabilitySystems.principles}) = ${traceabilityPrinciples.length} and cardinality(${traceabilitySystems.dataItems}) = ${circularDataItems.length})`;
const noConformity = sql`(cardinality(${traceabilitySystems.principles}) = 0 and cardinality(${traceabilitySystems.dataItems}) = 0)`;

/** An active (not revoked, not expired) API key of the organisation: a fact the provincial system knows. */
const activeApiKey = (organisationId: SQL | typeof organisations.id) =>
  sql`exists (select 1 from api_keys k where ${organisationId} = any(k.organisation_ids) and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()))`;
/** EPCIS events the organisation's capture put in the provincial system over the last 90 days. */
const recentEvents = (organisationId: SQL | typeof organisations.id) =>
  sql`(select count(*) from epcis_events e where e.organisation_id = ${organisationId} and e.record_time > now() - interval '90 days')`;
const observedConnected = (organisationId: SQL | typeof organisations.id) =>
  sql`(${activeApiKey(organisationId)} or ${recentEvents(organisationId)} > 0)`;

/** The organisation's id, named in full where a subquery's own `id` would otherwise shadow it. */
const orgIdRef = sql`"organisations"."id"`;

export interface SystemListFilter {
  q?: string;
  sector?: string;
  communeCode?: string;
  conformity?: 'full' | 'partial' | 'none';
  connected?: 'yes' | 'no';
}

function listWhere(scope: ReadScope, filter: SystemListFilter) {
  const conformity = {
    full: fullConformity,
    none: noConformity,
    partial: sql`not ${fullConformity} and not ${noConformity}`,
  };
  return and(
    scopeCondition(scope, {
      organisationId: organisations.id,
      sector: organisations.sector,
      communeCode: organisations.communeCode,
    }),
    filter.q
      ? or(
          ilike(organisations.name, likePattern(filter.q)),
          ilike(traceabilitySystems.name, likePattern(filter.q)),
          ilike(traceabilitySystems.provider, likePattern(filter.q)),
        )
      : undefined,
    filter.sector ? eq(organisations.sector, filter.sector as never) : undefined,
    filter.communeCode ? eq(organisations.communeCode, filter.communeCode) : undefined,
    filter.conformity ? conformity[filter.conformity] : undefined,
    filter.connected === 'yes' ? observedConnected(organisations.id) : undefined,
    filter.connected === 'no' ? sql`not ${observedConnected(organisations.id)}` : undefined,
  );
}

/** The systems of the organisations the reader may see, with what the provincial system observes of each. */
export async function pageTraceabilitySystems(
  db: DbOrTx,
  scope: ReadScope,
  filter: SystemListFilter,
  page: { page: number; pageSize: number },
) {
  const where = listWhere(scope, filter);
  const rows = await db
    .select({
      system: traceabilitySystems,
      organisationName: organisations.name,
      sector: organisations.sector,
      communeCode: organisations.communeCode,
      apiKey: sql<boolean>`${activeApiKey(organisations.id)}`,
      recentEvents: sql<number>`${recentEvents(organisations.id)}::int`,
    })
    .from(traceabilitySystems)
    .innerJoin(organisations, eq(organisations.id, traceabilitySystems.organisationId))
    .where(where)
    .orderBy(asc(organisations.name), asc(traceabilitySystems.name), asc(traceabilitySystems.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(traceabilitySystems)
    .innerJoin(organisations, eq(organisations.id, traceabilitySystems.organisationId))
    .where(where);
  return { rows, total };
}

/**
 * Per sector and commune, over the organisations the reader may see: how many there are, how many have recorded a
 * system, how many of those declare full conformity, and how many the provincial system sees connected.
 */
export async function countTraceabilitySystems(db: DbOrTx, scope: ReadScope) {
  const where = scopeCondition(scope, {
    organisationId: organisations.id,
    sector: organisations.sector,
    communeCode: organisations.communeCode,
  });
  const perOrganisation = db
    .select({
      id: organisations.id,
      sector: organisations.sector,
      communeCode: organisations.communeCode,
      withSystem:
        sql<boolean>`exists (select 1 from traceability_systems s where s.organisation_id = ${orgIdRef})`.as(
          'with_system',
        ),
      conformant:
        sql<boolean>`exists (select 1 from traceability_systems s where s.organisation_id = ${orgIdRef} and cardinality(s.principles) = ${traceabilityPrinciples.length} and cardinality(s.data_items) = ${circularDataItems.length})`.as(
          'conformant',
        ),
      connected:
        sql<boolean>`(exists (select 1 from traceability_systems s where s.organisation_id = ${orgIdRef}) and ${observedConnected(orgIdRef)})`.as(
          'connected',
        ),
    })
    .from(organisations)
    .where(where)
    .as('o');
  return db
    .select({
      sector: perOrganisation.sector,
      communeCode: perOrganisation.communeCode,
      organisations: sql<number>`count(*)::int`,
      withSystem: sql<number>`count(*) filter (where ${perOrganisation.withSystem})::int`,
      conformant: sql<number>`count(*) filter (where ${perOrganisation.conformant})::int`,
      connected: sql<number>`count(*) filter (where ${perOrganisation.connected})::int`,
    })
    .from(perOrganisation)
    .groupBy(perOrganisation.sector, perOrganisation.communeCode)
    .orderBy(asc(perOrganisation.sector), asc(perOrganisation.communeCode));
}

/** For each of the organisations that has recorded a system: whether one declares full conformity, whether it is seen connected. */
export async function traceabilityInPlace(db: DbOrTx, organisationIds: string[]) {
  const result = new Map<string, { conformant: boolean; connected: boolean }>();
  if (!organisationIds.length) return result;
  const rows = await db
    .select({
      organisationId: traceabilitySystems.organisationId,
      conformant: sql<boolean>`bool_or(${fullConformity})`,
      connected: sql<boolean>`bool_or(${observedConnected(traceabilitySystems.organisationId as never)})`,
    })
    .from(traceabilitySystems)
    .where(inArray(traceabilitySystems.organisationId, organisationIds))
    .groupBy(traceabilitySystems.organisationId);
  for (const r of rows) result.set(r.organisationId, { conformant: r.conformant, connected: r.connected });
  return result;
}

export async function findTraceabilitySystem(db: DbOrTx, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(traceabilitySystems)
    .where(and(eq(traceabilitySystems.id, id), eq(traceabilitySystems.organisationId, organisationId)));
  return row ?? null;
}

export async function updateTraceabilitySystem(
  db: DbOrTx,
  organisationId: string,
  id: string,
  values: Partial<typeof traceabilitySystems.$inferInsert>,
) {
  const [row] = await db
    .update(traceabilitySystems)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(traceabilitySystems.id, id), eq(traceabilitySystems.organisationId, organisationId)))
    .returning();
  return row ?? null;
}
