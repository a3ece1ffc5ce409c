import { and, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { activePeopleWithRoles, findUserById } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  forbidden,
  notFound,
} from '../platform/index.ts';
import { getOrganisationsByIds, getProductsByGtins, readableOrganisationIds } from '../registry/index.ts';
import { markReporterTold, reportQueue, reportsOfCase, setCaseReportsStatus } from '../stamps/index.ts';
import { outcomeWords, stateWords } from './cases.messages.ts';
import {
  assignableRoles,
  mayActOnCases,
  mayReadCases,
  readsAllCases,
  seesReporterPhone,
} from './cases.policy.ts';
import { type CaseOutcome, type CaseState, caseSignals, caseSteps, cases } from './cases.schema.ts';

type CaseRow = typeof cases.$inferSelect;

export interface CaseFilter {
  state?: CaseState;
  source?: string;
  subjectType?: string;
  assigneeId?: string;
  organisationId?: string;
  communeCode?: string;
  sector?: string;
  limit: number;
  offset: number;
}

/** The organisations whose cases the actor reads (null: all); 403 for who reads none (organisations). */
async function scope(db: DbOrTx, actor: Actor): Promise<string[] | null> {
  if (!mayReadCases(actor)) throw forbidden();
  if (readsAllCases(actor)) return null;
  return readableOrganisationIds(db, actor);
}

export function maskPhone(phone: string | null, visible: boolean): string | null {
  if (!phone || visible) return phone;
  const digits = phone.replace(/\D/g, '');
  return `${digits.slice(0, 3)}****${digits.slice(-3)}`;
}

async function organisationsOf(db: DbOrTx, ids: string[]) {
  const rows = await getOrganisationsByIds(db, ids);
  return new Map(rows.map((o) => [o.id, o]));
}

/** Product names by GTIN (14 digits), for the GTINs cases and reports carry. */
async function productNamesOf(db: DbOrTx, gtins: (string | null)[]): Promise<Map<string, string>> {
  const wanted = gtins.filter((g): g is string => g !== null);
  if (!wanted.length) return new Map();
  return new Map((await getProductsByGtins(db, wanted)).map((p) => [p.gtin, p.name]));
}
const nameOf = (names: Map<string, string>, gtin: string | null) =>
  gtin ? (names.get(gtin.padStart(14, '0')) ?? null) : null;

function presentCase(
  row: CaseRow,
  org: { name: string; communeName: string | null; sector: string | null } | undefined,
  names: Map<string, string>,
) {
  return {
    id: row.id,
    number: row.number,
    state: row.state as CaseState,
    stateWords: stateWords[row.state] ?? row.state,
    subject: {
      type: row.subjectType,
      organisationId: row.organisationId,
      organisationName: org?.name ?? null,
      communeName: org?.communeName ?? null,
      sector: org?.sector ?? null,
      productId: row.productId,
      lotId: row.lotId,
      gtin: row.gtin,
      productName: nameOf(names, row.gtin),
      firstSerial: row.firstSerial,
      lastSerial: row.lastSerial,
    },
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    outcome: row.outcome,
    outcomeWords: row.outcome ? (outcomeWords[row.outcome] ?? row.outcome) : null,
    outcomeText: row.outcomeText,
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export async function listCases(db: Db, actor: Actor, filter: CaseFilter) {
  const readable = await scope(db, actor);
  const where: SQL[] = [];
  if (readable) where.push(readable.length ? inArray(cases.organisationId, readable) : sql`false`);
  if (filter.state) where.push(eq(cases.state, filter.state));
  if (filter.subjectType) where.push(eq(cases.subjectType, filter.subjectType));
  if (filter.assigneeId) where.push(eq(cases.assigneeId, filter.assigneeId));
  if (filter.organisationId) where.push(eq(cases.organisationId, filter.organisationId));
  if (filter.source) {
    const source =
      filter.source === 'check' ? like(caseSignals.source, 'check:%') : eq(caseSignals.source, filter.source);
    where.push(
      sql`exists (select 1 from ${caseSignals} where ${caseSignals.caseId} = ${cases.id} and ${source ?? sql`true`})`,
    );
  }
  if (filter.communeCode || filter.sector) {
    // the organisations of that commune or sector, by the registry's door (a province holds thousands, not millions)
    const all = await db.selectDistinct({ id: cases.organisationId }).from(cases);
    const orgs = await getOrganisationsByIds(
      db,
      all.map((r) => r.id),
    );
    const ids = orgs
      .filter(
        (o) =>
          (!filter.communeCode || o.communeCode === filter.communeCode) &&
          (!filter.sector || o.sector === filter.sector),
      )
      .map((o) => o.id);
    where.push(ids.length ? inArray(cases.organisationId, ids) : sql`false`);
  }
  const condition = where.length ? and(...where) : undefined;
  const rows = await db
    .select()
    .from(cases)
    .where(condition)
    .orderBy(desc(cases.updatedAt), desc(cases.number))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(cases).where(condition);
  const signalCounts = rows.length
    ? await db
        .select({
          caseId: caseSignals.caseId,
          n: count(),
          sources: sql<string[]>`array_agg(distinct ${caseSignals.source})`,
        })
        .from(caseSignals)
        .where(
          inArray(
            caseSignals.caseId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(caseSignals.caseId)
    : [];
  const bySignal = new Map(signalCounts.map((s) => [s.caseId, s]));
  const orgs = await organisationsOf(
    db,
    rows.map((r) => r.organisationId),
  );
  const names = await productNamesOf(
    db,
    rows.map((r) => r.gtin),
  );
  return {
    total,
    items: rows.map((r) => ({
      ...presentCase(r, orgs.get(r.organisationId), names),
      signalCount: bySignal.get(r.id)?.n ?? 0,
      sources: bySignal.get(r.id)?.sources ?? [],
    })),
  };
}

async function readCase(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<CaseRow> {
  const readable = await scope(db, actor);
  const query = db.select().from(cases).where(eq(cases.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  // outside the reader's scope is the same answer as not there: the case's existence is not told
  if (!row || (readable && !readable.includes(row.organisationId))) throw notFound();
  return row;
}

export async function getCase(db: Db, actor: Actor, id: string) {
  const row = await readCase(db, actor, id);
  const [signals, steps, reports, orgs] = await Promise.all([
    db.select().from(caseSignals).where(eq(caseSignals.caseId, id)).orderBy(desc(caseSignals.lastSeenAt)),
    db.select().from(caseSteps).where(eq(caseSteps.caseId, id)).orderBy(caseSteps.at, caseSteps.id),
    reportsOfCase(db, id),
    organisationsOf(db, [row.organisationId]),
  ]);
  const phoneVisible = seesReporterPhone(actor);
  const closed = row.state === 'closed';
  const names = await productNamesOf(db, [row.gtin, ...reports.map((r) => r.gtin)]);
  return {
    ...presentCase(row, orgs.get(row.organisationId), names),
    mayAct: mayActOnCases(actor),
    signals: signals.map((s) => ({
      id: s.id,
      source: s.source,
      summary: s.summary,
      evidence: s.evidence,
      count: s.count,
      firstSeenAt: s.firstSeenAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    })),
    steps: steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      fromState: s.fromState,
      toState: s.toState,
      note: s.note,
      actorName: s.actorName ?? 'Hệ thống',
      at: s.at.toISOString(),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      gtin: r.gtin,
      productName: nameOf(names, r.gtin),
      serial: r.serial,
      message: r.message,
      phone: maskPhone(r.phone, phoneVisible),
      photoUrl: r.photoType ? `/api/reports/${r.id}/photo` : null,
      createdAt: r.createdAt.toISOString(),
      toldAt: r.toldAt?.toISOString() ?? null,
      /** What to tell the reporter once the case is closed, when they left a phone and were not told yet. */
      toTell:
        closed && r.phone && !r.toldAt
          ? `Cần báo cho người phản ánh qua số điện thoại ${maskPhone(r.phone, phoneVisible)}: “Sở Khoa học và Công nghệ đã xử lý phản ánh của anh/chị. Kết luận: ${outcomeWords[row.outcome ?? ''] ?? ''}. ${row.outcomeText ?? ''}”`
          : null,
    })),
  };
}

/** The state machine: which action goes from which state to which. */
const transitions: Record<string, { from: CaseState[]; to: CaseState }> = {
  assign: { from: ['triage', 'assigned', 'handling'], to: 'assigned' },
  start: { from: ['assigned'], to: 'handling' },
  close: { from: ['triage', 'handling'], to: 'closed' },
};
export type CaseAction = keyof typeof transitions;

export type ActionInput =
  | { action: 'assign'; assigneeId: string; note?: string }
  | { action: 'start'; note?: string }
  | { action: 'close'; outcome: CaseOutcome; outcomeText: string; note?: string };

export async function act(db: Db, actor: Actor, id: string, input: ActionInput) {
  if (!mayReadCases(actor)) throw forbidden();
  if (!mayActOnCases(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const before = await readCase(tx, actor, id, true);
    const rule = transitions[input.action];
    if (!rule.from.includes(before.state as CaseState))
      throw conflict('cases.transition', {
        from: stateWords[before.state] ?? before.state,
        to: stateWords[rule.to] ?? rule.to,
      });
    const at = new Date();
    const set: Partial<typeof cases.$inferInsert> = { state: rule.to, updatedAt: at };
    let note = input.note?.trim() || null;
    if (input.action === 'assign') {
      const person = await findUserById(tx, input.assigneeId);
      if (!person || person.disabled || !assignableRoles.includes(person.role as never))
        throw badRequest([{ field: '/body/assigneeId', code: 'cases.assigneeUnknown' }]);
      set.assigneeId = person.id;
      set.assigneeName = person.name;
      note = `Giao cho ${person.name}${note ? `. ${note}` : ''}`;
    }
    if (input.action === 'close') {
      set.outcome = input.outcome;
      set.outcomeText = input.outcomeText.trim();
      set.closedAt = at;
      note = `${outcomeWords[input.outcome]}: ${input.outcomeText.trim()}${note ? `. ${note}` : ''}`;
      await setCaseReportsStatus(tx, id, 'closed');
    }
    const [after] = await tx.update(cases).set(set).where(eq(cases.id, id)).returning();
    await tx.insert(caseSteps).values({
      caseId: id,
      kind: input.action,
      fromState: before.state,
      toState: rule.to,
      note,
      actorId: actor.id,
      actorName: actor.name,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: input.action,
      entityType: 'case',
      entityId: id,
      organisationId: before.organisationId,
      before: { state: before.state, assigneeName: before.assigneeName },
      after: {
        state: after.state,
        assigneeName: after.assigneeName,
        outcome: after.outcome,
        outcomeText: after.outcomeText,
      },
    });
  });
  return getCase(db, actor, id);
}

/** The reporter was told the outcome (by phone): a step 'đã báo' with who and when. */
export async function reporterTold(db: Db, actor: Actor, id: string, reportId: string) {
  if (!mayActOnCases(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const row = await readCase(tx, actor, id, true);
    if (row.state !== 'closed') throw conflict('cases.not-closed');
    const at = new Date();
    if (!(await markReporterTold(tx, id, reportId, at))) throw conflict('cases.already-told');
    await tx.insert(caseSteps).values({
      caseId: id,
      kind: 'reporter_told',
      fromState: row.state,
      toState: row.state,
      note: 'Đã báo kết quả cho người phản ánh qua điện thoại',
      actorId: actor.id,
      actorName: actor.name,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'reporter_told',
      entityType: 'case',
      entityId: id,
      organisationId: row.organisationId,
      after: { reportId, toldAt: at.toISOString() },
    });
  });
  return getCase(db, actor, id);
}

/** People a case may be assigned to (for the assign form). */
export async function assignees(db: Db, actor: Actor) {
  if (!mayActOnCases(actor)) throw forbidden();
  return activePeopleWithRoles(db, assignableRoles);
}

/** The consumer report queue (new / in a case / closed): photo link, message, the phone masked unless seen. */
export async function listReportQueue(
  db: Db,
  actor: Actor,
  q: { status?: 'new' | 'in_case' | 'closed'; limit: number; offset: number },
) {
  if (!readsAllCases(actor)) throw forbidden();
  const { rows, total } = await reportQueue(db, q.status ?? null, q.limit, q.offset);
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const numbers = caseIds.length
    ? await db.select({ id: cases.id, number: cases.number }).from(cases).where(inArray(cases.id, caseIds))
    : [];
  const numberOf = new Map(numbers.map((c) => [c.id, c.number]));
  const visible = seesReporterPhone(actor);
  const names = await productNamesOf(
    db,
    rows.map((r) => r.gtin),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      gtin: r.gtin,
      productName: nameOf(names, r.gtin),
      serial: r.serial,
      message: r.message,
      phone: maskPhone(r.phone, visible),
      photoUrl: r.photoType ? `/api/reports/${r.id}/photo` : null,
      status: r.status,
      caseId: r.caseId,
      caseNumber: r.caseId ? (numberOf.get(r.caseId) ?? null) : null,
      toldAt: r.toldAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
