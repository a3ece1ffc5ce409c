import { desc, eq } from 'drizzle-orm';
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
