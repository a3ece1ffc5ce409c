import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  notFound,
} from '../platform/index.ts';
import { findAdministrativeUnit } from './admin-units.ts';
import { writeWithAudit } from './audited-write.ts';
import { findOrganisation } from './organisation.repo.ts';
import { canRead, canWrite, readScope } from './registry.policy.ts';
import * as repo from './traceability-system.repo.ts';
import {
  circularDataItems,
  type TraceabilitySystemCounts,
  type TraceabilitySystemInput,
  type TraceabilitySystemListItem,
  type TraceabilitySystemListQuery,
  type TraceabilitySystemView,
  traceabilityPrinciples,
} from './traceability-system.schema.ts';

export const presentTraceabilitySystem = (row: repo.TraceabilitySystemRow): TraceabilitySystemView => ({
  id: row.id,
  organisationId: row.organisationId,
  name: row.name,
  provider: row.provider,
  kind: row.kind as TraceabilitySystemView['kind'],
  standards: row.standards,
  conformity: row.conformity as TraceabilitySystemView['conformity'],
  principles: row.principles as TraceabilitySystemView['principles'],
  dataItems: row.dataItems as TraceabilitySystemView['dataItems'],
  declaredConformity:
    row.principles.length === traceabilityPrinciples.length &&
    row.dataItems.length === circularDataItems.length
      ? 'full'
      : row.principles.length + row.dataItems.length === 0
        ? 'none'
        : 'partial',
  evidenceFileIds: row.evidenceFileIds,
  connection: row.connection as TraceabilitySystemView['connection'],
  connectedToProvince: row.connectedToProvince,
  connectedToNational: row.connectedToNational,
  inUseSince: row.inUseSince,
  declaredOn: row.declaredOn,
});

const communeName = (code: string | null) => (code ? (findAdministrativeUnit(code)?.name ?? null) : null);

/** The organisation itself (owner, staff), the admin, and a commune officer for organisations of their communes. */
export function canRecordSystem(actor: Actor, scope: { organisationId: string; communeCode: string | null }) {
  if (canWrite(actor, scope)) return true;
  return (
    actor.role === 'commune_officer' &&
    scope.communeCode !== null &&
    actor.communes.includes(scope.communeCode)
  );
}

type FileCheck = (db: DbOrTx, ids: string[], organisationId: string, field: string) => Promise<FieldError[]>;

/**
 * Which evidence files belong to the organisation: the files module answers (it sits above the registry, so the
 * program connects it here, as the signals of other modules are connected). Until it is, no file is accepted.
 */
let filesOwnedBy: FileCheck = async (_db, ids, _organisationId, field) =>
  ids.map((id, i) => ({ field: `${field}/${i}`, code: 'files.notFound', params: { id } }));
export function connectEvidenceFiles(check: FileCheck) {
  filesOwnedBy = check;
}

/** The stored values of an input: choices without repeats, the declared connection kept in step with the flag. */
async function storedValues(db: DbOrTx, organisationId: string, input: TraceabilitySystemInput) {
  const errors = input.evidenceFileIds?.length
    ? await filesOwnedBy(db, input.evidenceFileIds, organisationId, '/body/evidenceFileIds')
    : [];
  if (errors.length) throw badRequest(errors);
  const { provider, ...rest } = input;
  return {
    ...rest,
    provider: provider ? provider : null,
    principles: input.principles && [...new Set(input.principles)],
    dataItems: input.dataItems && [...new Set(input.dataItems)],
    evidenceFileIds: input.evidenceFileIds && [...new Set(input.evidenceFileIds)],
    connectedToProvince:
      input.connectedToProvince ?? (input.connection ? input.connection !== 'none' : undefined),
  };
}

async function writableOwner(db: DbOrTx, organisationId: string, actor: Actor) {
  const owner = await findOrganisation(db, organisationId);
  const scope = owner && { organisationId: owner.id, sector: owner.sector, communeCode: owner.communeCode };
  if (!scope || !canRead(actor, scope)) throw notFound('registry.organisation-not-found');
  if (!canRecordSystem(actor, scope)) throw forbidden();
}

export async function addTraceabilitySystem(
  db: Db,
  organisationId: string,
  input: TraceabilitySystemInput,
  actor: Actor,
): Promise<TraceabilitySystemView> {
  return db.transaction(async (tx) => {
    await writableOwner(tx, organisationId, actor);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'traceability_system',
      before: null,
      write: async () =>
        repo.insertTraceabilitySystem(tx, {
          ...(await storedValues(tx, organisationId, input)),
          organisationId,
        }),
    });
    return presentTraceabilitySystem(row);
  });
}

export async function removeTraceabilitySystem(db: Db, organisationId: string, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await writableOwner(tx, organisationId, actor);
    const row = await repo.deleteTraceabilitySystem(tx, organisationId, id);
    if (!row) throw notFound('registry.traceability-system-not-found');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entityType: 'traceability_system',
      entityId: id,
      organisationId,
      before: row,
    });
  });
}

export async function listTraceabilitySystems(
  db: DbOrTx,
  organisationId: string,
): Promise<TraceabilitySystemView[]> {
  return (await repo.listTraceabilitySystems(db, organisationId)).map(presentTraceabilitySystem);
}

/** How many organisations use a traceability system and are connected, over what the actor may see. */
export function summariseTraceabilitySystems(db: DbOrTx, actor: Actor) {
  return repo.summariseTraceabilitySystems(db, readScope(actor));
}

export async function changeTraceabilitySystem(
  db: Db,
  organisationId: string,
  id: string,
  input: TraceabilitySystemInput,
  actor: Actor,
): Promise<TraceabilitySystemView> {
  return db.transaction(async (tx) => {
    await writableOwner(tx, organisationId, actor);
    const before = await repo.findTraceabilitySystem(tx, organisationId, id);
    if (!before) throw notFound('registry.traceability-system-not-found');
    const values = await storedValues(tx, organisationId, input);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'traceability_system',
      before,
      write: async () => {
        // a replacement: what the form leaves out is cleared, not kept from before
        const changed = await repo.updateTraceabilitySystem(tx, organisationId, id, {
          kind: 'software',
          standards: [],
          conformity: 'declared',
          principles: [],
          dataItems: [],
          evidenceFileIds: [],
          connection: 'none',
          connectedToNational: false,
          inUseSince: null,
          declaredOn: null,
          ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
          provider: values.provider,
          connectedToProvince: values.connectedToProvince ?? false,
        });
        if (!changed) throw notFound('registry.traceability-system-not-found');
        return changed;
      },
    });
    return presentTraceabilitySystem(row);
  });
}

export async function pageTraceabilitySystems(
  db: DbOrTx,
  query: TraceabilitySystemListQuery,
  actor: Actor,
): Promise<{ items: TraceabilitySystemListItem[]; page: number; pageSize: number; total: number }> {
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.pageTraceabilitySystems(db, readScope(actor), filter, {
    page,
    pageSize,
  });
  return {
    items: rows.map((r) => ({
      ...presentTraceabilitySystem(r.system),
      organisationName: r.organisationName,
      sector: r.sector,
      communeCode: r.communeCode,
      communeName: communeName(r.communeCode),
      observed: { apiKey: r.apiKey, recentEvents: r.recentEvents, connected: r.apiKey || r.recentEvents > 0 },
    })),
    page,
    pageSize,
    total,
  };
}

/** Organisations with a system, conformant and connected, by sector and commune, within the actor's scope. */
export async function countTraceabilitySystems(db: DbOrTx, actor: Actor): Promise<TraceabilitySystemCounts> {
  const rows = (await repo.countTraceabilitySystems(db, readScope(actor))).map((r) => ({
    ...r,
    communeName: communeName(r.communeCode),
  }));
  const totals = { organisations: 0, withSystem: 0, conformant: 0, connected: 0 };
  for (const r of rows) {
    totals.organisations += r.organisations;
    totals.withSystem += r.withSystem;
    totals.conformant += r.conformant;
    totals.connected += r.connected;
  }
  return { rows, totals };
}

/**
 * Whether traceability is in place at each of these organisations (for the catalogues' compliance view): the map
 * holds an organisation that has recorded at least one system, saying whether one declares every principle and
 * data item of Circular 02/2024 and whether the provincial system sees it connected (an active API key or EPCIS
 * events captured in the last 90 days). No scope check: the caller has already read these organisations.
 */
export const traceabilityInPlace = repo.traceabilityInPlace;
