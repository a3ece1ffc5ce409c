import { asc, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { type Actor, badRequest, type Db, type DbOrTx, forbidden, notFound } from '../platform/index.ts';
import { getOrganisationsByIds } from '../registry/index.ts';
import type { ProgrammeInput, ProgrammeView } from './programmes.api.ts';
import { mayManageProgrammes, mayReadProgrammes } from './programmes.policy.ts';
import { supportProgrammes, supportRecipients } from './programmes.schema.ts';
import { namedOrganisations } from './training.service.ts';
import './programmes.messages.ts';

type ProgrammeRow = typeof supportProgrammes.$inferSelect;
type RecipientRow = typeof supportRecipients.$inferSelect;

async function present(
  db: DbOrTx,
  rows: ProgrammeRow[],
  recipients: RecipientRow[],
): Promise<ProgrammeView[]> {
  const names = new Map(
    (
      await getOrganisationsByIds(
        db,
        recipients.map((r) => r.organisationId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((p) => {
    const mine = recipients.filter((r) => r.programmeId === p.id);
    return {
      id: p.id,
      name: p.name,
      year: p.year,
      kind: p.kind,
      budgetVnd: p.budgetVnd,
      state: p.state,
      note: p.note,
      recipients: mine.map((r) => ({
        organisationId: r.organisationId,
        organisationName: names.get(r.organisationId) ?? '',
        support: r.support,
        costVnd: r.costVnd,
        supportedOn: r.supportedOn,
      })),
      spentVnd: mine.reduce((s, r) => s + r.costVnd, 0),
    };
  });
}

const recipientsOf = async (db: DbOrTx, ids: string[]): Promise<RecipientRow[]> =>
  ids.length
    ? db
        .select()
        .from(supportRecipients)
        .where(inArray(supportRecipients.programmeId, ids))
        .orderBy(asc(supportRecipients.supportedOn))
    : [];

async function checkRecipients(db: DbOrTx, input: ProgrammeInput) {
  const ids = input.recipients.map((r) => r.organisationId);
  const { errors } = await namedOrganisations(db, ids, (i) => `/body/recipients/${i}/organisationId`);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      errors.push({ field: `/body/recipients/${i}/organisationId`, code: 'programmes.recipientTwice' });
  });
  if (errors.length) throw badRequest(errors);
}

async function write(db: Db, id: string | null, input: ProgrammeInput, actor: Actor): Promise<ProgrammeView> {
  if (!mayManageProgrammes(actor)) throw forbidden();
  await checkRecipients(db, input);
  return db.transaction(async (tx) => {
    const values = {
      name: input.name,
      year: input.year,
      kind: input.kind,
      budgetVnd: input.budgetVnd,
      state: input.state,
      note: input.note || null,
    };
    let before: unknown = null;
    let row: ProgrammeRow;
    if (id) {
      const [old] = await tx
        .select()
        .from(supportProgrammes)
        .where(eq(supportProgrammes.id, id))
        .for('update');
      if (!old) throw notFound('programmes.programme-not-found');
      before = { ...old, recipients: await recipientsOf(tx, [id]) };
      [row] = await tx.update(supportProgrammes).set(values).where(eq(supportProgrammes.id, id)).returning();
      await tx.delete(supportRecipients).where(eq(supportRecipients.programmeId, id));
    } else
      [row] = await tx
        .insert(supportProgrammes)
        .values({ ...values, createdBy: actor.id })
        .returning();
    const recipients = input.recipients.length
      ? await tx
          .insert(supportRecipients)
          .values(input.recipients.map((r) => ({ ...r, programmeId: row.id })))
          .returning()
      : [];
    const [view] = await present(tx, [row], recipients);
    await recordAudit(tx, {
      actor,
      action: id ? 'update' : 'create',
      entityType: 'support_programme',
      entityId: row.id,
      organisationId: null,
      before,
      after: view,
    });
    return view!;
  });
}

export const createProgramme = (db: Db, input: ProgrammeInput, actor: Actor) => write(db, null, input, actor);
export const updateProgramme = (db: Db, id: string, input: ProgrammeInput, actor: Actor) =>
  write(db, id, input, actor);

/** Programmes, latest year first; a year keeps that year's. */
export async function listProgrammes(db: DbOrTx, actor: Actor, year?: number): Promise<ProgrammeView[]> {
  if (!mayReadProgrammes(actor)) throw forbidden();
  const rows = await db
    .select()
    .from(supportProgrammes)
    .where(year ? eq(supportProgrammes.year, year) : undefined)
    .orderBy(desc(supportProgrammes.year), asc(supportProgrammes.name));
  return present(
    db,
    rows,
    await recipientsOf(
      db,
      rows.map((r) => r.id),
    ),
  );
}

export async function getProgramme(db: DbOrTx, id: string, actor: Actor): Promise<ProgrammeView> {
  if (!mayReadProgrammes(actor)) throw forbidden();
  const [row] = await db.select().from(supportProgrammes).where(eq(supportProgrammes.id, id));
  if (!row) throw notFound('programmes.programme-not-found');
  return (await present(db, [row], await recipientsOf(db, [id])))[0]!;
}
