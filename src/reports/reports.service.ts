import { count, desc, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  notFound,
  sideBySide,
} from '../platform/index.ts';
import { keyFigures } from './key-figures.ts';
import { planInForce, planPart } from './plan-source.ts';
import type {
  ReportContent,
  ReportCreateInput,
  ReportHeaderInput,
  ReportKind,
  ReportView,
  reportListQuery,
} from './reports.api.ts';
import { mayReadReports, mayWriteReports } from './reports.policy.ts';
import { reports } from './reports.schema.ts';

type ReportRow = typeof reports.$inferSelect;
type ListQuery = ReturnType<typeof reportListQuery.parse>;

/** The header's agency lines and place, from the province's configuration. */
export interface Agency {
  parent: string;
  name: string;
  place: string;
}

export const agencyOf = (provinceName: string): Agency => ({
  parent: `UBND TỈNH ${provinceName.toLocaleUpperCase('vi')}`,
  name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  place: provinceName,
});

const field = (name: string, code: string): FieldError => ({ field: `/body/${name}`, code });
const dayMs = 86_400_000;
const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export interface ReportPeriod {
  from: string;
  to: string;
}

/**
 * The period a report covers, from its kind: annual = 1 January – 31 December of the year; half-yearly = 1 January
 * – 30 June (half 1) or 1 July – 31 December (half 2); custom = the dates given. Every mistake named at once.
 */
export function reportPeriod(input: ReportCreateInput): ReportPeriod {
  const errors: FieldError[] = [];
  let period: ReportPeriod = { from: '', to: '' };
  if (input.kind === 'annual' || input.kind === 'half_yearly') {
    const y = input.year;
    if (y === undefined) errors.push(field('year', 'reports.yearRequired'));
    else if (y < 2000 || y > 2100) errors.push(field('year', 'reports.yearRange'));
    if (input.kind === 'half_yearly' && input.half !== 1 && input.half !== 2)
      errors.push(field('half', 'reports.halfInvalid'));
    if (!errors.length) {
      if (input.kind === 'annual') period = { from: `${y}-01-01`, to: `${y}-12-31` };
      else
        period =
          input.half === 1
            ? { from: `${y}-01-01`, to: `${y}-06-30` }
            : { from: `${y}-07-01`, to: `${y}-12-31` };
    }
  } else {
    if (!input.periodFrom) errors.push(field('periodFrom', 'reports.periodRequired'));
    if (!input.periodTo) errors.push(field('periodTo', 'reports.periodRequired'));
    if (input.periodFrom && input.periodTo) {
      if (input.periodTo < input.periodFrom) errors.push(field('periodTo', 'reports.periodOrder'));
      else if (Date.parse(input.periodTo) - Date.parse(input.periodFrom) > (5 * 366 - 1) * dayMs)
        errors.push(field('periodTo', 'reports.periodTooLong'));
      period = { from: input.periodFrom, to: input.periodTo };
    }
  }
  if (errors.length) throw badRequest(errors);
  return period;
}

/** The subject a new report gets until the department writes its own. */
export function defaultTitle(kind: ReportKind, period: ReportPeriod): string {
  const subject = 'Kết quả thực hiện công tác truy xuất nguồn gốc sản phẩm, hàng hóa';
  const year = period.from.slice(0, 4);
  if (kind === 'annual') return `${subject} năm ${year}`;
  if (kind === 'half_yearly')
    return `${subject} 6 tháng ${period.from.slice(5, 7) === '01' ? 'đầu' : 'cuối'} năm ${year}`;
  return `${subject} từ ngày ${vnDate(period.from)} đến ngày ${vnDate(period.to)}`;
}

const defaultRecipients = [
  'Bộ Khoa học và Công nghệ (để báo cáo)',
  'UBND tỉnh (để báo cáo)',
  'Giám đốc, các Phó Giám đốc Sở',
  'Lưu: VT, TĐC',
];

/** What the report shows from the data, computed now for its period (the figures as of the period's end). */
export async function computeContent(
  db: DbOrTx,
  planId: string | null,
  period: ReportPeriod,
): Promise<ReportContent> {
  // one evaluation: what the indicators and the key figures both count (the scans) is counted once
  const shared = new Map<string, Promise<unknown>>();
  const [plan, figures] = await sideBySide(db, [
    () => planPart(db, planId, period.from, period.to, shared),
    () => keyFigures(db, period.from, period.to, undefined, shared),
  ]);
  return { computedAt: new Date().toISOString(), ...plan, figures };
}

const summary = (row: ReportRow) => ({
  id: row.id,
  kind: row.kind as ReportKind,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  title: row.title,
  number: row.number,
  state: row.state as 'draft' | 'issued',
  issuedAt: row.issuedAt?.toISOString() ?? null,
  issuedByName: row.issuedByName,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function present(db: DbOrTx, row: ReportRow, agency: Agency): Promise<ReportView> {
  const issued = row.state === 'issued';
  const content = issued
    ? (row.snapshot as ReportContent)
    : await computeContent(db, row.planId, { from: row.periodFrom, to: row.periodTo });
  return {
    ...summary(row),
    planId: row.planId,
    recipients: row.recipients,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    notes: row.notes,
    agency,
    live: !issued,
    content,
  };
}

async function findRow(db: DbOrTx, id: string, lock = false): Promise<ReportRow> {
  const q = db.select().from(reports).where(eq(reports.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('reports.not-found');
  return row;
}

export async function listReports(db: Db, actor: Actor, query: ListQuery) {
  if (!mayReadReports(actor)) throw forbidden();
  const where: SQL | undefined = query.state ? eq(reports.state, query.state) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reports)
      .where(where)
      .orderBy(desc(reports.periodTo), desc(reports.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return { items: items.map(summary), page: query.page, pageSize: query.pageSize, total: total?.n ?? 0 };
}

export async function readReport(db: Db, actor: Actor, id: string, agency: Agency): Promise<ReportView> {
  if (!mayReadReports(actor)) throw forbidden();
  return present(db, await findRow(db, id), agency);
}

export async function createReport(
  db: Db,
  actor: Actor,
  input: ReportCreateInput,
  agency: Agency,
): Promise<ReportView> {
  if (!mayWriteReports(actor)) throw forbidden();
  const period = reportPeriod(input);
  const planId = input.planId ?? (await planInForce(db));
  if (input.planId) {
    try {
      await planPart(db, input.planId, period.from, period.to);
    } catch {
      throw badRequest([field('planId', 'reports.planUnknown')]);
    }
  }
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(reports)
      .values({
        kind: input.kind,
        periodFrom: period.from,
        periodTo: period.to,
        planId,
        title: input.title || defaultTitle(input.kind, period),
        recipients: defaultRecipients,
        signerTitle: 'GIÁM ĐỐC',
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'report',
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
  return present(db, row, agency);
}

/** A draft's header, recipients, signer and notes; an issued report is kept as issued (409). */
export async function updateReport(
  db: Db,
  actor: Actor,
  id: string,
  input: ReportHeaderInput,
  agency: Agency,
): Promise<ReportView> {
  if (!mayWriteReports(actor)) throw forbidden();
  const row = await db.transaction(async (tx) => {
    const before = await findRow(tx, id, true);
    if (before.state !== 'draft') throw conflict('reports.issued');
    const [after] = await tx
      .update(reports)
      .set({
        title: input.title,
        number: input.number || null,
        recipients: input.recipients,
        signerName: input.signerName || null,
        signerTitle: input.signerTitle || null,
        notes: input.notes || null,
        updatedAt: new Date(),
      })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entityType: 'report', entityId: id, before, after });
    return after!;
  });
  return present(db, row, agency);
}

/**
 * Issues a draft: the figures computed now for its period are frozen into the snapshot, and the report is kept as
 * issued from then on. Needs a number and a signer (400 naming them); a second issue is a 409.
 */
export async function issueReport(db: Db, actor: Actor, id: string, agency: Agency): Promise<ReportView> {
  if (!mayWriteReports(actor)) throw forbidden();
  const row = await db.transaction(async (tx) => {
    const before = await findRow(tx, id, true);
    if (before.state !== 'draft') throw conflict('reports.issued');
    const errors: FieldError[] = [];
    if (!before.number) errors.push(field('number', 'reports.numberRequired'));
    if (!before.signerName) errors.push(field('signerName', 'reports.signerRequired'));
    if (errors.length) throw badRequest(errors);
    const content = await computeContent(tx, before.planId, { from: before.periodFrom, to: before.periodTo });
    const now = new Date(content.computedAt);
    const [after] = await tx
      .update(reports)
      .set({
        state: 'issued',
        issuedAt: now,
        issuedBy: actor.id,
        issuedByName: actor.name,
        snapshot: content,
        updatedAt: now,
      })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'issue',
      entityType: 'report',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
  return present(db, row, agency);
}

/** A draft may be thrown away; an issued report is kept (409). */
export async function deleteReport(db: Db, actor: Actor, id: string): Promise<void> {
  if (!mayWriteReports(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const before = await findRow(tx, id, true);
    if (before.state !== 'draft') throw conflict('reports.issued');
    await tx.delete(reports).where(eq(reports.id, id));
    await recordAudit(tx, { actor, action: 'delete', entityType: 'report', entityId: id, before });
  });
}
