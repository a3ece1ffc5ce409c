import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { consumerReports } from './stamps.schema.ts';

export async function insertReport(db: DbOrTx, values: typeof consumerReports.$inferInsert) {
  const [row] = await db.insert(consumerReports).values(values).returning({ id: consumerReports.id });
  return row.id;
}

/** The list leaves photo bytes out; they are fetched one at a time. */
export async function listReports(db: DbOrTx, limit: number) {
  return db
    .select({
      id: consumerReports.id,
      uri: consumerReports.uri,
      gtin: consumerReports.gtin,
      serial: consumerReports.serial,
      message: consumerReports.message,
      phone: consumerReports.phone,
      photoType: consumerReports.photoType,
      consentAt: consumerReports.consentAt,
      status: consumerReports.status,
      caseId: consumerReports.caseId,
      toldAt: consumerReports.toldAt,
      createdAt: consumerReports.createdAt,
    })
    .from(consumerReports)
    .orderBy(desc(consumerReports.createdAt))
    .limit(limit);
}

export async function findReportPhoto(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ photo: consumerReports.photo, photoType: consumerReports.photoType })
    .from(consumerReports)
    .where(eq(consumerReports.id, id));
  return row?.photo ? { photo: row.photo, photoType: row.photoType ?? 'application/octet-stream' } : null;
}

export async function setReportCase(db: DbOrTx, id: string, caseId: string) {
  await db.update(consumerReports).set({ caseId, status: 'in_case' }).where(eq(consumerReports.id, id));
}

/** The reports of one case, photo bytes left out. */
export async function reportsOfCase(db: DbOrTx, caseId: string) {
  return db
    .select({
      id: consumerReports.id,
      gtin: consumerReports.gtin,
      serial: consumerReports.serial,
      message: consumerReports.message,
      phone: consumerReports.phone,
      photoType: consumerReports.photoType,
      status: consumerReports.status,
      toldAt: consumerReports.toldAt,
      createdAt: consumerReports.createdAt,
    })
    .from(consumerReports)
    .where(eq(consumerReports.caseId, caseId))
    .orderBy(desc(consumerReports.createdAt));
}

/** A case closed or reopened: its reports follow (closed / in_case). */
export async function setCaseReportsStatus(db: DbOrTx, caseId: string, status: 'in_case' | 'closed') {
  await db.update(consumerReports).set({ status }).where(eq(consumerReports.caseId, caseId));
}

/** The reporter was told the outcome; false when the report is not in that case or was told already. */
export async function markReporterTold(db: DbOrTx, caseId: string, reportId: string, at: Date) {
  const rows = await db
    .update(consumerReports)
    .set({ toldAt: at })
    .where(
      and(
        eq(consumerReports.id, reportId),
        eq(consumerReports.caseId, caseId),
        isNull(consumerReports.toldAt),
      ),
    )
    .returning({ id: consumerReports.id });
  return rows.length === 1;
}

/** The queue: one page of reports in a state (new / in_case / closed), newest first, with the total. */
export async function queue(db: DbOrTx, status: string | null, limit: number, offset: number) {
  const where: SQL | undefined = status ? eq(consumerReports.status, status) : undefined;
  const rows = await db
    .select({
      id: consumerReports.id,
      uri: consumerReports.uri,
      gtin: consumerReports.gtin,
      serial: consumerReports.serial,
      message: consumerReports.message,
      phone: consumerReports.phone,
      photoType: consumerReports.photoType,
      status: consumerReports.status,
      caseId: consumerReports.caseId,
      toldAt: consumerReports.toldAt,
      createdAt: consumerReports.createdAt,
    })
    .from(consumerReports)
    .where(where)
    .orderBy(desc(consumerReports.createdAt))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: count() }).from(consumerReports).where(where);
  return { rows, total };
}
