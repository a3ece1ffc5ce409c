import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  localToday,
  notFound,
  type Sector,
} from '../platform/index.ts';
import type { ListInput, ListView, VersionInput, VersionView } from './catalogues.api.ts';
import { canDecide, canManage, canPropose, canReadLists } from './catalogues.policy.ts';
import { catalogueItems, catalogueLists, catalogueVersions } from './catalogues.schema.ts';
import './catalogues.messages.ts';

type ListRow = typeof catalogueLists.$inferSelect;
type VersionRow = typeof catalogueVersions.$inferSelect;
type ItemRow = typeof catalogueItems.$inferSelect;

const audit = (tx: DbOrTx, actor: Actor, action: string, entityId: string, before: unknown, after: unknown) =>
  recordAudit(tx, {
    actor,
    action,
    entityType: 'catalogue_version',
    entityId,
    organisationId: null,
    before,
    after,
  });

function presentVersion(row: VersionRow, items: ItemRow[]): VersionView {
  return {
    id: row.id,
    listId: row.listId,
    number: row.number,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    signer: row.signer,
    fileId: row.fileId,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    state: row.state as VersionView['state'],
    reviewNote: row.reviewNote,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    items: items.map((i) => ({ match: i.match as 'gtin', value: i.value, note: i.note })),
  };
}

/** The approved version of a list in force on `day` (YYYY-MM-DD): the latest to take effect, then the latest issued. */
export function inForce<V extends Pick<VersionRow, 'state' | 'effectiveFrom' | 'effectiveTo' | 'issuedAt'>>(
  versions: V[],
  day: string,
): V | null {
  const candidates = versions.filter(
    (v) =>
      v.state === 'approved' &&
      v.effectiveFrom !== null &&
      v.effectiveFrom <= day &&
      (v.effectiveTo === null || v.effectiveTo >= day),
  );
  candidates.sort(
    (a, b) =>
      (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? '') ||
      (b.issuedAt?.getTime() ?? 0) - (a.issuedAt?.getTime() ?? 0),
  );
  return candidates[0] ?? null;
}

async function findList(db: DbOrTx, id: string): Promise<ListRow> {
  const [row] = await db.select().from(catalogueLists).where(eq(catalogueLists.id, id));
  if (!row) throw notFound('catalogues.list-not-found');
  return row;
}

async function findVersion(db: DbOrTx, id: string, lock = false) {
  const query = db
    .select({ version: catalogueVersions, list: catalogueLists })
    .from(catalogueVersions)
    .innerJoin(catalogueLists, eq(catalogueLists.id, catalogueVersions.listId))
    .where(eq(catalogueVersions.id, id));
  const [row] = lock ? await query.for('update', { of: catalogueVersions }) : await query;
  if (!row) throw notFound('catalogues.version-not-found');
  return row;
}

const itemsOf = (db: DbOrTx, versionId: string) =>
  db
    .select()
    .from(catalogueItems)
    .where(eq(catalogueItems.versionId, versionId))
    .orderBy(asc(catalogueItems.position), asc(catalogueItems.id));

function checkDates(input: Pick<VersionInput, 'effectiveFrom' | 'effectiveTo'>) {
  if (input.effectiveFrom && input.effectiveTo && input.effectiveTo < input.effectiveFrom)
    throw badRequest([{ field: '/body/effectiveTo', code: 'catalogues.effectiveTo' }]);
}

export async function createList(db: Db, input: ListInput, actor: Actor): Promise<ListView> {
  if (!canManage(actor, input.sector)) throw forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(catalogueLists)
      .values({
        sector: input.sector,
        kind: input.kind,
        category: input.kind === 'priority' ? (input.category ?? null) : null,
        title: input.title,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'catalogue_list',
      entityId: row.id,
      organisationId: null,
      after: row,
    });
    return presentList(row, []);
  });
}

function presentList(row: ListRow, versions: VersionRow[], day = localToday()): ListView {
  const current = inForce(versions, day);
  return {
    id: row.id,
    sector: row.sector,
    kind: row.kind as ListView['kind'],
    category: row.category as ListView['category'],
    title: row.title,
    inForce: current ? { id: current.id, number: current.number } : null,
    versions: versions
      .map((v) => ({
        id: v.id,
        number: v.number,
        state: v.state as VersionView['state'],
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo,
      }))
      .sort((a, b) => Number(b.number) - Number(a.number)),
  };
}

export async function listLists(db: DbOrTx, actor: Actor, sector?: Sector): Promise<ListView[]> {
  if (!canReadLists(actor)) throw forbidden();
  const lists = await db
    .select()
    .from(catalogueLists)
    .where(sector ? eq(catalogueLists.sector, sector) : undefined)
    .orderBy(asc(catalogueLists.sector), asc(catalogueLists.title));
  if (!lists.length) return [];
  const versions = await db
    .select()
    .from(catalogueVersions)
    .where(
      inArray(
        catalogueVersions.listId,
        lists.map((l) => l.id),
      ),
    );
  return lists.map((l) =>
    presentList(
      l,
      versions.filter((v) => v.listId === l.id),
    ),
  );
}

export async function getList(db: DbOrTx, id: string, actor: Actor): Promise<ListView> {
  if (!canReadLists(actor)) throw forbidden();
  const list = await findList(db, id);
  const versions = await db.select().from(catalogueVersions).where(eq(catalogueVersions.listId, id));
  return presentList(list, versions);
}

export async function getVersion(db: DbOrTx, id: string, actor: Actor): Promise<VersionView> {
  if (!canReadLists(actor)) throw forbidden();
  const { version } = await findVersion(db, id);
  return presentVersion(version, await itemsOf(db, id));
}

/** A new draft version of a list: a copy of its latest version (decision fields and items) unless the body says otherwise. */
export async function createVersion(
  db: Db,
  listId: string,
  input: VersionInput,
  actor: Actor,
): Promise<VersionView> {
  return db.transaction(async (tx) => {
    const list = await findList(tx, listId);
    if (!canReadLists(actor)) throw forbidden();
    if (!canPropose(actor, list.sector)) throw forbidden();
    checkDates(input);
    await tx.execute(sql`SELECT id FROM catalogue_lists WHERE id = ${listId} FOR UPDATE`);
    const [latest] = await tx
      .select()
      .from(catalogueVersions)
      .where(eq(catalogueVersions.listId, listId))
      .orderBy(desc(sql`${catalogueVersions.number}::int`))
      .limit(1);
    const copiedItems = latest ? await itemsOf(tx, latest.id) : [];
    const [row] = await tx
      .insert(catalogueVersions)
      .values({
        listId,
        number: String(latest ? Number(latest.number) + 1 : 1),
        decisionNumber: input.decisionNumber ?? null,
        decisionDate: input.decisionDate ?? null,
        signer: input.signer ?? latest?.signer ?? null,
        fileId: input.fileId ?? null,
        effectiveFrom: input.effectiveFrom ?? null,
        effectiveTo: input.effectiveTo ?? null,
        createdBy: actor.id,
      })
      .returning();
    const items =
      input.items ??
      copiedItems.map((i) => ({ match: i.match as 'gtin', value: i.value, note: i.note ?? undefined }));
    const stored = items.length
      ? await tx
          .insert(catalogueItems)
          .values(
            items.map((i, position) => ({
              versionId: row.id,
              position,
              match: i.match,
              value: i.value,
              note: i.note ?? null,
            })),
          )
          .returning()
      : [];
    const view = presentVersion(row, stored);
    await audit(tx, actor, 'create', row.id, null, view);
    return view;
  });
}

/** Edits a draft or returned version; its items, when given, replace the old ones. */
export async function updateVersion(
  db: Db,
  id: string,
  input: VersionInput,
  actor: Actor,
): Promise<VersionView> {
  return db.transaction(async (tx) => {
    const { version, list } = await findVersion(tx, id, true);
    if (!canReadLists(actor) || !canPropose(actor, list.sector)) throw forbidden();
    if (version.state !== 'draft' && version.state !== 'returned')
      throw conflict('catalogues.version-frozen');
    const before = presentVersion(version, await itemsOf(tx, id));
    const next = {
      decisionNumber: input.decisionNumber ?? version.decisionNumber,
      decisionDate: input.decisionDate ?? version.decisionDate,
      signer: input.signer ?? version.signer,
      fileId: input.fileId ?? version.fileId,
      effectiveFrom: input.effectiveFrom ?? version.effectiveFrom,
      effectiveTo: input.effectiveTo ?? version.effectiveTo,
    };
    checkDates({
      effectiveFrom: next.effectiveFrom ?? undefined,
      effectiveTo: next.effectiveTo ?? undefined,
    });
    const [row] = await tx
      .update(catalogueVersions)
      .set({ ...next, state: 'draft' })
      .where(eq(catalogueVersions.id, id))
      .returning();
    if (input.items) {
      await tx.delete(catalogueItems).where(eq(catalogueItems.versionId, id));
      if (input.items.length)
        await tx.insert(catalogueItems).values(
          input.items.map((i, position) => ({
            versionId: id,
            position,
            match: i.match,
            value: i.value,
            note: i.note ?? null,
          })),
        );
    }
    const view = presentVersion(row, await itemsOf(tx, id));
    await audit(tx, actor, 'update', id, before, view);
    return view;
  });
}

function completeness(version: VersionRow, items: ItemRow[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!version.decisionNumber) errors.push({ field: '/decisionNumber', code: 'catalogues.decisionNumber' });
  if (!version.decisionDate) errors.push({ field: '/decisionDate', code: 'catalogues.decisionDate' });
  if (!version.signer) errors.push({ field: '/signer', code: 'catalogues.signer' });
  if (!version.effectiveFrom) errors.push({ field: '/effectiveFrom', code: 'catalogues.effectiveFrom' });
  if (!items.length) errors.push({ field: '/items', code: 'catalogues.items' });
  return errors;
}

/** Proposes a draft for review: it must be complete (decision, signer, start date, items). */
export async function submitVersion(db: Db, id: string, actor: Actor): Promise<VersionView> {
  return db.transaction(async (tx) => {
    const { version, list } = await findVersion(tx, id, true);
    if (!canReadLists(actor) || !canPropose(actor, list.sector)) throw forbidden();
    if (version.state !== 'draft' && version.state !== 'returned')
      throw conflict('catalogues.version-frozen');
    const items = await itemsOf(tx, id);
    const errors = completeness(version, items);
    if (errors.length) throw badRequest(errors);
    const [row] = await tx
      .update(catalogueVersions)
      .set({ state: 'submitted' })
      .where(eq(catalogueVersions.id, id))
      .returning();
    await audit(tx, actor, 'submit', id, { state: version.state }, { state: 'submitted' });
    return presentVersion(row, items);
  });
}

/** The reviewer's decision on a submitted version: approved (issued, frozen) or returned with a reason. */
export async function decideVersion(
  db: Db,
  id: string,
  decision: { decision: 'approve' | 'return'; reason?: string },
  actor: Actor,
): Promise<VersionView> {
  return db.transaction(async (tx) => {
    const { version, list } = await findVersion(tx, id, true);
    if (!canReadLists(actor) || !canDecide(actor, list.sector)) throw forbidden();
    if (version.state !== 'submitted') throw conflict('catalogues.not-submitted');
    if (decision.decision === 'return' && !decision.reason)
      throw badRequest([{ field: '/body/reason', code: 'catalogues.reason' }]);
    const approve = decision.decision === 'approve';
    const [row] = await tx
      .update(catalogueVersions)
      .set({
        state: approve ? 'approved' : 'returned',
        reviewNote: decision.reason ?? null,
        issuedAt: approve ? new Date() : null,
      })
      .where(eq(catalogueVersions.id, id))
      .returning();
    await audit(
      tx,
      actor,
      approve ? 'approve' : 'return',
      id,
      { state: 'submitted' },
      {
        state: row.state,
        reason: decision.reason,
      },
    );
    return presentVersion(row, await itemsOf(tx, id));
  });
}

/** The approved versions in force on `day`, one per list, with their lists. */
export async function versionsInForce(db: DbOrTx, day = localToday()) {
  const rows = await db
    .select({ version: catalogueVersions, list: catalogueLists })
    .from(catalogueVersions)
    .innerJoin(catalogueLists, eq(catalogueLists.id, catalogueVersions.listId))
    .where(eq(catalogueVersions.state, 'approved'));
  const byList = new Map<string, typeof rows>();
  for (const r of rows) byList.set(r.list.id, [...(byList.get(r.list.id) ?? []), r]);
  return [...byList.values()].flatMap((rs) => {
    const current = inForce(
      rs.map((r) => r.version),
      day,
    );
    const hit = current && rs.find((r) => r.version.id === current.id);
    return hit ? [hit] : [];
  });
}
