import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
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
import {
  findAdministrativeUnit,
  type OrganisationView,
  organisationsOfUnits,
  readableOrganisationIds,
} from '../registry/index.ts';
import type {
  ReachedOrganisation,
  ResponseInput,
  ResponseView,
  SurveyInput,
  SurveyView,
} from './programmes.api.ts';
import {
  addressedTo,
  mayAnswerSurveys,
  mayDesignSurveys,
  mayReadAllSurveys,
  mayReadSurveys,
} from './programmes.policy.ts';
import { type StoredQuestion, surveyResponses, surveys } from './programmes.schema.ts';
import { checkAnswers } from './surveys.answers.ts';
import './programmes.messages.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

const audit = (tx: DbOrTx, actor: Actor, action: string, entityId: string, before: unknown, after: unknown) =>
  recordAudit(tx, { actor, action, entityType: 'survey', entityId, organisationId: null, before, after });

export const isOpen = (row: SurveyRow, today = localToday()) =>
  row.state === 'sent' && row.opensOn <= today && today <= row.closesOn;

const communeWords = (code: string) => findAdministrativeUnit(code)?.name ?? code;

/** The design's own checks: dates in order, communes of the province, choices, at most one indicator question. */
function checkDesign(input: SurveyInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.closesOn < input.opensOn) errors.push({ field: '/body/closesOn', code: 'programmes.closesOn' });
  input.communeCodes.forEach((code, i) => {
    if (!findAdministrativeUnit(code))
      errors.push({ field: `/body/communeCodes/${i}`, code: 'programmes.commune', params: { code } });
  });
  let feeding = 0;
  input.questions.forEach((q, i) => {
    if ((q.kind === 'single' || q.kind === 'multiple') && new Set(q.choices).size < 2)
      errors.push({
        field: `/body/questions/${i}/choices`,
        code: 'programmes.choices',
        params: { question: q.text },
      });
    if (q.feedsTraceability && (q.kind !== 'yes_no' || ++feeding > 1))
      errors.push({ field: `/body/questions/${i}/feedsTraceability`, code: 'programmes.feedsTraceability' });
  });
  return errors;
}

function storedQuestions(input: SurveyInput): StoredQuestion[] {
  const used = new Set<string>();
  return input.questions.map((q) => {
    const id = q.id && !used.has(q.id) ? q.id : randomUUID();
    used.add(id);
    const choosing = q.kind === 'single' || q.kind === 'multiple';
    return {
      id,
      kind: q.kind,
      text: q.text,
      required: q.required,
      choices: choosing ? [...new Set(q.choices)] : [],
      unit: q.kind === 'number' ? q.unit || null : null,
      feedsTraceability: q.kind === 'yes_no' && q.feedsTraceability,
    };
  });
}

function present(row: SurveyRow, counts: { answered: number; reached: number }): SurveyView {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    state: row.state,
    open: isOpen(row),
    communes: row.communeCodes.map((code) => ({ code, name: communeWords(code) })),
    sectors: row.sectors as Sector[],
    questions: row.questions,
    ...counts,
  };
}

export async function findSurvey(db: DbOrTx, id: string, actor: Actor, lock = false): Promise<SurveyRow> {
  if (!mayReadSurveys(actor) && !mayDesignSurveys(actor)) throw forbidden();
  const query = db.select().from(surveys).where(eq(surveys.id, id));
  const [row] = lock ? await query.for('update') : await query;
  // a draft is the department's own; an officer hears of a survey once it is sent to them
  if (!row || (row.state === 'draft' && !mayDesignSurveys(actor)) || !addressedTo(actor, row))
    throw notFound('programmes.survey-not-found');
  return row;
}

/** The organisations a survey reaches that the reader may see (all of them for the department), by name. */
export async function reachedOrganisations(db: DbOrTx, survey: SurveyRow, actor: Actor) {
  const reached = await organisationsOfUnits(db, {
    communeCodes: survey.communeCodes,
    sectors: survey.sectors as Sector[],
  });
  if (mayReadAllSurveys(actor)) return reached;
  const readable = await readableOrganisationIds(db, actor);
  return readable === null ? reached : reached.filter((o) => readable.includes(o.id));
}

export async function responsesOf(db: DbOrTx, surveyId: string, organisationIds: string[]) {
  if (!organisationIds.length) return [];
  return db
    .select()
    .from(surveyResponses)
    .where(
      and(eq(surveyResponses.surveyId, surveyId), inArray(surveyResponses.organisationId, organisationIds)),
    );
}

async function viewWithCounts(db: DbOrTx, row: SurveyRow, actor: Actor): Promise<SurveyView> {
  if (row.state === 'draft') return present(row, { answered: 0, reached: 0 });
  const reached = await reachedOrganisations(db, row, actor);
  const responses = await responsesOf(
    db,
    row.id,
    reached.map((o) => o.id),
  );
  return present(row, { answered: responses.length, reached: reached.length });
}

export async function createSurvey(db: Db, input: SurveyInput, actor: Actor): Promise<SurveyView> {
  if (!mayDesignSurveys(actor)) throw forbidden();
  const errors = checkDesign(input);
  if (errors.length) throw badRequest(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveys)
      .values({
        title: input.title,
        purpose: input.purpose || null,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        communeCodes: [...new Set(input.communeCodes)],
        sectors: [...new Set(input.sectors)],
        questions: storedQuestions(input),
        createdBy: actor.id,
      })
      .returning();
    await audit(tx, actor, 'create', row.id, null, row);
    return present(row, { answered: 0, reached: 0 });
  });
}

/** Replaces a draft's design (its questions in the order given). A sent survey is frozen. */
export async function updateSurvey(
  db: Db,
  id: string,
  input: SurveyInput,
  actor: Actor,
): Promise<SurveyView> {
  if (!mayDesignSurveys(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await findSurvey(tx, id, actor, true);
    if (before.state !== 'draft') throw conflict('programmes.survey-not-draft');
    const errors = checkDesign(input);
    if (errors.length) throw badRequest(errors);
    const [row] = await tx
      .update(surveys)
      .set({
        title: input.title,
        purpose: input.purpose || null,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        communeCodes: [...new Set(input.communeCodes)],
        sectors: [...new Set(input.sectors)],
        questions: storedQuestions(input),
      })
      .where(eq(surveys.id, id))
      .returning();
    await audit(tx, actor, 'update', id, before, row);
    return present(row, { answered: 0, reached: 0 });
  });
}

/** Sends a draft to its communes and sector departments: it needs questions and somewhere to go. */
export async function sendSurvey(db: Db, id: string, actor: Actor): Promise<SurveyView> {
  if (!mayDesignSurveys(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await findSurvey(tx, id, actor, true);
    if (before.state !== 'draft') throw conflict('programmes.survey-not-draft');
    const errors: FieldError[] = [];
    if (!before.questions.length) errors.push({ field: '/questions', code: 'programmes.questions' });
    if (!before.communeCodes.length && !before.sectors.length)
      errors.push({ field: '/communeCodes', code: 'programmes.targets' });
    if (errors.length) throw badRequest(errors);
    const [row] = await tx
      .update(surveys)
      .set({ state: 'sent', sentAt: new Date() })
      .where(eq(surveys.id, id))
      .returning();
    await audit(tx, actor, 'send', id, { state: 'draft' }, { state: 'sent' });
    return viewWithCounts(tx, row, actor);
  });
}

/** Closes a sent survey: its answers are frozen and its results final. */
export async function closeSurvey(db: Db, id: string, actor: Actor): Promise<SurveyView> {
  if (!mayDesignSurveys(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await findSurvey(tx, id, actor, true);
    if (before.state !== 'sent') throw conflict('programmes.survey-not-sent');
    const [row] = await tx
      .update(surveys)
      .set({ state: 'closed', closedAt: new Date() })
      .where(eq(surveys.id, id))
      .returning();
    await audit(tx, actor, 'close', id, { state: 'sent' }, { state: 'closed' });
    return viewWithCounts(tx, row, actor);
  });
}

/** The surveys the reader may see, newest first: all for the department, those sent to them for officers. */
export async function listSurveys(db: DbOrTx, actor: Actor): Promise<SurveyView[]> {
  if (!mayReadSurveys(actor) && !mayDesignSurveys(actor)) throw forbidden();
  const rows = await db
    .select()
    .from(surveys)
    .where(mayDesignSurveys(actor) ? undefined : ne(surveys.state, 'draft'))
    .orderBy(desc(surveys.opensOn), desc(surveys.createdAt));
  const mine = rows.filter((r) => addressedTo(actor, r));
  return Promise.all(mine.map((r) => viewWithCounts(db, r, actor)));
}

export async function getSurvey(db: DbOrTx, id: string, actor: Actor): Promise<SurveyView> {
  return viewWithCounts(db, await findSurvey(db, id, actor), actor);
}

/** The organisations the reader answers for (or reads), each with its response if it has one. */
export async function listReached(db: DbOrTx, id: string, actor: Actor): Promise<ReachedOrganisation[]> {
  const survey = await findSurvey(db, id, actor);
  const reached = await reachedOrganisations(db, survey, actor);
  const responses = new Map(
    (
      await responsesOf(
        db,
        id,
        reached.map((o) => o.id),
      )
    ).map((r) => [r.organisationId, r]),
  );
  return reached.map((o) => reachedRow(o, responses.get(o.id)));
}

export const reachedRow = (o: OrganisationView, r: ResponseRow | undefined): ReachedOrganisation => ({
  id: o.id,
  name: o.name,
  communeCode: o.communeCode,
  communeName: o.communeName,
  sector: o.sector,
  responseId: r?.id ?? null,
  updatedAt: r?.updatedAt.toISOString() ?? null,
});

function presentResponse(row: ResponseRow, organisation: OrganisationView): ResponseView {
  return {
    id: row.id,
    surveyId: row.surveyId,
    organisationId: row.organisationId,
    organisationName: organisation.name,
    communeCode: row.communeCode,
    communeName: row.communeCode ? communeWords(row.communeCode) : null,
    sector: row.sector,
    answers: row.answers,
    answeredByName: row.answeredByName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The organisation, if the survey reaches it and the reader may see it; otherwise the reader hears nothing of it. */
async function reachedOne(db: DbOrTx, survey: SurveyRow, actor: Actor, organisationId: string) {
  return (await reachedOrganisations(db, survey, actor)).find((o) => o.id === organisationId) ?? null;
}

/** One organisation's response, for a reader whose scope holds it. */
export async function getResponse(db: DbOrTx, id: string, organisationId: string, actor: Actor) {
  const survey = await findSurvey(db, id, actor);
  const organisation = await reachedOne(db, survey, actor, organisationId);
  if (!organisation) throw forbidden();
  const [row] = await responsesOf(db, id, [organisationId]);
  return row ? presentResponse(row, organisation) : null;
}

/**
 * Saves an organisation's answers (a first save or an edit) while the survey is open: by an officer for an
 * organisation of their communes or sector that the survey reaches, checked question by question.
 */
export async function saveResponse(
  db: Db,
  id: string,
  input: ResponseInput,
  actor: Actor,
): Promise<ResponseView> {
  if (!mayAnswerSurveys(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const survey = await findSurvey(tx, id, actor);
    if (!isOpen(survey)) throw conflict('programmes.survey-not-open');
    const organisation = await reachedOne(tx, survey, actor, input.organisationId);
    if (!organisation) throw forbidden();
    const { errors, clean } = checkAnswers(survey.questions, input.answers);
    if (errors.length) throw badRequest(errors);
    const [before] = await responsesOf(tx, id, [organisation.id]);
    const values = {
      communeCode: organisation.communeCode,
      sector: organisation.sector,
      answers: clean,
      answeredBy: actor.id,
      answeredByName: actor.name,
      updatedAt: new Date(),
    };
    const [row] = before
      ? await tx.update(surveyResponses).set(values).where(eq(surveyResponses.id, before.id)).returning()
      : await tx
          .insert(surveyResponses)
          .values({ surveyId: id, organisationId: organisation.id, ...values })
          .returning();
    await recordAudit(tx, {
      actor,
      action: before ? 'update' : 'create',
      entityType: 'survey_response',
      entityId: row.id,
      organisationId: organisation.id,
      before: before?.answers ?? null,
      after: clean,
    });
    return presentResponse(row, organisation);
  });
}
