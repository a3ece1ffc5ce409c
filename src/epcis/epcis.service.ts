import crypto from 'node:crypto';
import { badRequest, type Db, type DbOrTx, notFound, Problem } from '../platform/index.ts';
import { getOrganisationsByIds, noteIdentifiersFromCapture } from '../registry/index.ts';
import { refuseForeignSpeech } from './epcis.capture-rights.ts';
import { notifyCaptured } from './epcis.dispatcher.ts';
import './epcis.messages.ts';
import { extractEvents } from './epcis.extract.ts';
import { findMasterData, masterDataOf, upsertMasterData } from './epcis.masterdata.ts';
import { queryEvents as runQuery } from './epcis.query.repo.ts';
import type { EventQuery } from './epcis.query.ts';
import * as repo from './epcis.repo.ts';
import { sealCapture } from './epcis.seal.ts';
import type { StoredEvent, StoredEventId } from './epcis.types.ts';
import { eventListOf, validateEpcisDocument } from './epcis.validate.ts';

export type { StoredEvent } from './epcis.types.ts';

/**
 * Captures an EPCIS 2.0 document (EPCISDocument, or the events of an EPCISQueryDocument; `format: 'xml'` when it
 * was converted from XML by epcisXmlToJson): validates it whole,
 * then stores every event with its ids and links in one transaction. Events without eventID get their CBV 2.0
 * event hash; an event already stored is not stored again. Throws Problem 400 naming each offending field; 403
 * when the organisation is not approved, speaks for another organisation's goods or places (epcis.capture-rights)
 * or declares erroneous an event another organisation captured. `organisationId: null` is the program itself
 * (stamps, demo): the HTTP routes never pass it.
 */
/** What a capture rule sees of a document, once its events are in the transaction (not yet committed). */
export interface CapturedDocument {
  organisationId: string;
  events: {
    index: number;
    eventId: string;
    isErrorDeclaration: boolean;
    action: string | null;
    bizStep: string | null;
    /** The event as captured (EPCIS 2.0 JSON-LD with its @context), as it leaves the province. */
    document: Record<string, unknown>;
  }[];
  ids: (StoredEventId & { eventId: string; isErrorDeclaration: boolean })[];
}
/** A rule of another module that may refuse a whole capture by throwing a Problem (the transaction rolls back). */
export type CaptureRule = (tx: DbOrTx, document: CapturedDocument) => Promise<void>;
const captureRules: CaptureRule[] = [];
/** Modules that keep records the events must agree with (the chain: what a lot holds) register here. */
export function registerCaptureRule(rule: CaptureRule): void {
  captureRules.push(rule);
}

export async function captureEpcisDocument(
  db: Db,
  document: unknown,
  opts: { organisationId: string | null; format?: 'json' | 'xml' },
): Promise<{ captureId: string; eventIds: string[] }> {
  const captureId = crypto.randomUUID();
  const failed = async (problem: Problem) => {
    await repo.insertCaptureJob(db, {
      id: captureId,
      organisationId: opts.organisationId,
      state: 'failed',
      eventCount: 0,
      errors: problem.errors,
    });
    return problem;
  };
  const errors = validateEpcisDocument(document, opts.format);
  if (errors.length) throw await failed(badRequest(errors, 'epcis-invalid-document'));
  const list = eventListOf(document)!;
  const { rows, ids, links, declarations, clashes } = extractEvents(
    document as Record<string, any>,
    list.events as any[],
    opts.format,
  );
  if (clashes.length) throw await failed(clashProblem(clashes));
  try {
    await db.transaction(async (tx) => {
      if (opts.organisationId !== null) {
        await refuseUnapproved(tx, opts.organisationId);
        await refuseForeignSpeech(tx, opts.organisationId, { rows, ids, links });
        await refuseForeignDeclarations(tx, declarations, opts.organisationId);
      }
      await refuseTakenEventIds(tx, rows, opts.organisationId);
      const inserted = await repo.insertEvents(
        tx,
        { captureId, organisationId: opts.organisationId },
        rows,
        ids,
        links,
      );
      if (opts.organisationId !== null)
        for (const rule of captureRules)
          await rule(tx, { organisationId: opts.organisationId, events: rows, ids });
      await upsertMasterData(
        tx,
        { captureId, organisationId: opts.organisationId },
        masterDataOf(document as Record<string, any>),
      );
      const changed = await repo.clashingEvents(tx, captureId, opts.organisationId, rows);
      if (changed.length) throw clashProblem(changed);
      // products, lots and locations that events name become registry drafts of the capturing organisation
      const named = new Set(ids.map((i) => i.id));
      for (const row of rows)
        for (const place of [row.readPoint, row.bizLocation]) if (place) named.add(place);
      await noteIdentifiersFromCapture(tx, [...named], opts.organisationId);
      // one chained audit row seals the events this capture stored (decision 057)
      await sealCapture(tx, { captureId, organisationId: opts.organisationId }, rows, inserted);
      await repo.insertCaptureJob(tx, {
        id: captureId,
        organisationId: opts.organisationId,
        state: 'success',
        eventCount: rows.length,
        errors: null,
      });
    });
  } catch (err) {
    // nothing of the document is stored; the job says why, for whoever asks /capture/{id} later
    if (err instanceof Problem && err.status < 500) throw await failed(err);
    throw err;
  }
  notifyCaptured();
  return { captureId, eventIds: rows.map((r) => r.eventId) };
}

/**
 * An eventID already stored (or used earlier in the same document) for an event that says something else: the
 * REST binding's 409. Sending the same event again is not a clash (its content hash is the same).
 */
function clashProblem(clashes: { index: number; eventId: string }[]) {
  return new Problem(409, 'epcis-event-id-clash', {
    errors: clashes.map(({ index, eventId }) => ({
      field: `/epcisBody/eventList/${index}/eventID`,
      code: 'epcis.eventID.clash',
      params: { eventID: eventId },
    })),
  });
}

/** Only an organisation the department has approved records events: a draft one is nobody yet. */
async function refuseUnapproved(tx: DbOrTx, organisationId: string) {
  const [organisation] = await getOrganisationsByIds(tx, [organisationId]);
  if (organisation?.reviewStatus !== 'approved') throw new Problem(403, 'epcis-organisation-not-approved');
}

/**
 * The same event captured again by its owner is stored once; an eventID that another organisation (or the
 * department) already holds is refused, so nobody can take an ID first and have the owner's event silently dropped.
 */
async function refuseTakenEventIds(
  tx: DbOrTx,
  rows: { eventId: string; isErrorDeclaration: boolean }[],
  organisationId: string | null,
) {
  const originals = rows.filter((r) => !r.isErrorDeclaration).map((r) => r.eventId);
  const taken = await repo.originalsOfOthers(tx, originals, organisationId);
  if (!taken.length) return;
  throw new Problem(409, 'epcis-event-id-taken', {
    errors: taken.map((eventID) => ({
      field: '/epcisBody/eventList',
      code: 'epcis.eventID.taken',
      params: { eventID },
    })),
  });
}

/**
 * An organisation may declare erroneous only events it captured itself (or not yet stored); the department's
 * staff (no organisation) may declare any. Throws Problem 403 naming each refused errorDeclaration.
 */
async function refuseForeignDeclarations(
  tx: DbOrTx,
  declarations: { index: number; eventId: string }[],
  organisationId: string,
) {
  const foreign = new Set(
    await repo.originalsOfOthers(
      tx,
      declarations.map((d) => d.eventId),
      organisationId,
    ),
  );
  const errors = declarations
    .filter((d) => foreign.has(d.eventId))
    .map((d) => ({
      field: `/epcisBody/eventList/${d.index}/errorDeclaration`,
      code: 'epcis.errorDeclaration.notOwner',
      params: { eventID: d.eventId },
    }));
  if (errors.length) throw new Problem(403, 'epcis-declaration-forbidden', { errors });
}

/**
 * Every event naming any of the canonical `ids` in any role, recorded at or before `asOf`, minus those that the
 * capturing organisation or the department declared erroneous by then; only those captured by `organisationIds`
 * when given. Ordered by eventTime.
 */
export function findEventsByIds(
  db: DbOrTx,
  opts: { ids: string[]; asOf?: Date; organisationIds?: string[] | null },
): Promise<StoredEvent[]> {
  if (!opts.ids.length) return Promise.resolve([]);
  return repo.eventsByIdsOrLinks(db, opts);
}

/** Events whose source or destination is one of `values` (canonical GLN Digital Links, party ids …). */
export function findEventsByLinkValues(
  db: DbOrTx,
  opts: { values: string[]; asOf?: Date; organisationIds?: string[] | null },
): Promise<StoredEvent[]> {
  if (!opts.values.length) return Promise.resolve([]);
  return repo.eventsByIdsOrLinks(db, {
    linkValues: opts.values,
    asOf: opts.asOf,
    organisationIds: opts.organisationIds,
  });
}

export function getEventsByPk(db: DbOrTx, pks: number[]): Promise<StoredEvent[]> {
  return repo.eventsByPk(db, pks);
}

/** Who may see which events: everything, or what some organisations captured plus events linked to their values. */
export type Visibility = { all: true } | { all: false; organisationIds: string[]; linkValues: string[] };

export function queryEvents(db: DbOrTx, query: EventQuery, visibility: Visibility) {
  return runQuery(db, query, visibility);
}

/** Master data the reader may see (`organisationIds`: null for the department), as the JSON binding's vocabularyList. */
export function listMasterData(
  db: DbOrTx,
  opts: { organisationIds: string[] | null; type?: string; ids?: string[]; limit: number },
) {
  return findMasterData(db, opts);
}

export async function getCaptureJob(db: DbOrTx, id: string, organisationIds: string[] | null) {
  const job = await repo.findCaptureJob(db, id);
  if (!job || (organisationIds && !(job.organisationId && organisationIds.includes(job.organisationId))))
    throw notFound('epcis-capture-not-found');
  return job;
}

export function listCaptureJobs(db: DbOrTx, organisationIds: string[] | null, limit = 100) {
  return repo.listCaptureJobs(db, { organisationIds, limit });
}
