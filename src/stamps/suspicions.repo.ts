import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { execute } from './stamps.repo.ts';
import { type SuspicionKind, stampSuspicions } from './stamps.schema.ts';

export type SuspicionRow = typeof stampSuspicions.$inferSelect;

/**
 * Opens a suspicion or, when one is already open for the stamp (or the GTIN, serial null) and kind, counts one
 * more firing on it with the latest evidence: never one row per scan.
 */
export async function upsertSuspicion(
  db: DbOrTx,
  s: {
    organisationId: string;
    gtin: string;
    serial: number | null;
    kind: SuspicionKind;
    evidence: Record<string, unknown>;
  },
) {
  await execute(
    db,
    sql`INSERT INTO stamp_suspicions (organisation_id, gtin, serial, kind, evidence)
      VALUES (${s.organisationId}, ${s.gtin}, ${s.serial}, ${s.kind}, ${JSON.stringify(s.evidence)}::jsonb)
      ON CONFLICT (gtin, coalesce(serial, 0), kind) WHERE state = 'open'
      DO UPDATE SET evidence = excluded.evidence, count = stamp_suspicions.count + 1, last_seen_at = now()`,
  );
}

export async function listSuspicions(
  db: DbOrTx,
  q: {
    organisationIds: string[] | null;
    gtin?: string;
    kind?: SuspicionKind;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: SuspicionRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (q.organisationIds) conditions.push(inArray(stampSuspicions.organisationId, q.organisationIds));
  if (q.gtin) conditions.push(eq(stampSuspicions.gtin, q.gtin));
  if (q.kind) conditions.push(eq(stampSuspicions.kind, q.kind));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(stampSuspicions)
      .where(where)
      .orderBy(desc(stampSuspicions.lastSeenAt), desc(stampSuspicions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(stampSuspicions).where(where),
  ]);
  return { rows, total };
}

/** The organisation that was issued stamps of a GTIN (its ranges), or null when TXNG issued none. */
export async function stampOwnerOfGtin(db: DbOrTx, gtin: string): Promise<string | null> {
  const { rows } = await execute(
    db,
    sql`SELECT organisation_id FROM stamp_ranges WHERE gtin = ${gtin} LIMIT 1`,
  );
  return rows[0]?.organisation_id ?? null;
}
