import { and, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { getProductByGtin } from '../registry/index.ts';
import { stampRanges } from './stamps.schema.ts';

/**
 * A consumer report is a signal to the fraud-case module (issue 12 §3, source 'consumer_report'). Stamps do not
 * import cases (cases read reports through this module's door): the program hands `raiseSignal` to
 * `connectReportSignals`, and a report raises its signal in the report's own transaction.
 */
export type ReportSubject =
  | { type: 'product'; organisationId: string; productId: string }
  | { type: 'stamp_range'; organisationId: string; gtin: string; firstSerial: number; lastSerial: number };
export interface ReportSignal {
  source: 'consumer_report' | 'scan';
  subject: ReportSubject;
  summary: string;
  evidence: Record<string, unknown>;
  dedupeKey: string;
  at?: Date;
}
export type RaiseReportSignal = (db: DbOrTx, signal: ReportSignal) => Promise<{ caseId: string }>;

let raise: RaiseReportSignal | null = null;
export function connectReportSignals(raiseSignal: RaiseReportSignal | null): void {
  raise = raiseSignal;
}

/** The stamp's range (whose organisation it was issued to), else the product of the GTIN, else nothing known. */
export async function stampSubject(
  db: DbOrTx,
  gtin: string | null,
  serial: string | null,
): Promise<ReportSubject | null> {
  if (!gtin || !/^\d{8,14}$/.test(gtin)) return null;
  const gtin14 = gtin.padStart(14, '0');
  const n = serial && /^\d{1,15}$/.test(serial) ? Number(serial) : null;
  if (n !== null) {
    const [range] = await db
      .select()
      .from(stampRanges)
      .where(
        and(eq(stampRanges.gtin, gtin14), lte(stampRanges.firstSerial, n), gte(stampRanges.lastSerial, n)),
      )
      .limit(1);
    if (range)
      return {
        type: 'stamp_range',
        organisationId: range.organisationId,
        gtin: gtin14,
        firstSerial: range.firstSerial,
        lastSerial: range.lastSerial,
      };
  }
  const product = await getProductByGtin(db, gtin14);
  return product ? { type: 'product', organisationId: product.organisationId, productId: product.id } : null;
}

/** Raises the report's signal; returns the case it landed in, or null when its stamp and product are unknown. */
export async function signalReport(
  db: DbOrTx,
  report: {
    id: string;
    gtin: string | null;
    serial: string | null;
    message: string;
    hasPhoto: boolean;
    at: Date;
  },
): Promise<string | null> {
  if (!raise) return null;
  const subject = await stampSubject(db, report.gtin, report.serial);
  if (!subject) return null;
  const gtin14 = (report.gtin ?? '').padStart(14, '0');
  const stamp = report.serial ? `tem số ${report.serial} (GTIN ${gtin14})` : `sản phẩm GTIN ${gtin14}`;
  const { caseId } = await raise(db, {
    source: 'consumer_report',
    subject,
    summary: `Người tiêu dùng phản ánh về ${stamp}: “${report.message.slice(0, 160)}”`,
    evidence: { reportId: report.id, gtin: gtin14, serial: report.serial, hasPhoto: report.hasPhoto },
    dedupeKey: `consumer_report:${gtin14}:${report.serial ?? '-'}`,
    at: report.at,
  });
  return caseId;
}
