import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { ReadScope } from './registry.policy.ts';
import { organisations, traceabilitySystems } from './registry.schema.ts';
import { scopeCondition } from './scope-sql.ts';

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
