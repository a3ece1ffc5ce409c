import { recordAudit } from '../audit/index.ts';
import { type Actor, type Db, type DbOrTx, forbidden, notFound } from '../platform/index.ts';
import { writeWithAudit } from './audited-write.ts';
import { findOrganisation } from './organisation.repo.ts';
import { canRead, canWrite, readScope } from './registry.policy.ts';
import * as repo from './traceability-system.repo.ts';
import type { TraceabilitySystemInput, TraceabilitySystemView } from './traceability-system.schema.ts';

export const presentTraceabilitySystem = (row: repo.TraceabilitySystemRow): TraceabilitySystemView => ({
  id: row.id,
  organisationId: row.organisationId,
  name: row.name,
  provider: row.provider,
  standards: row.standards,
  conformity: row.conformity as TraceabilitySystemView['conformity'],
  connectedToProvince: row.connectedToProvince,
  connectedToNational: row.connectedToNational,
});

async function writableOwner(db: DbOrTx, organisationId: string, actor: Actor) {
  const owner = await findOrganisation(db, organisationId);
  const scope = owner && { organisationId: owner.id, sector: owner.sector, communeCode: owner.communeCode };
  if (!scope || !canRead(actor, scope)) throw notFound('registry.organisation-not-found');
  if (!canWrite(actor, scope)) throw forbidden();
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
      write: () => repo.insertTraceabilitySystem(tx, { ...input, organisationId }),
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
