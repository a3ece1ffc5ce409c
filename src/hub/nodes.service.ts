import { and, eq, isNull } from 'drizzle-orm';
import { randomToken, sha256 } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Actor, badRequest, type Db, type DbOrTx, notFound, Problem } from '../platform/index.ts';
import type { NodeInput } from './hub.api.ts';
import { type HubNodeRow, hubNodes } from './hub.schema.ts';

/**
 * A node's key reads `txnghub_<prefix>_<secret>`, as the accounts module makes API keys: the prefix names it in
 * lists, the 256-bit secret is known only to the province, and only the hash of the whole key is stored.
 */
function newNodeKey() {
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `txnghub_${prefix}_${randomToken(32)}`;
  return { prefix, key, keyHash: sha256(key) };
}

export const presentNode = (n: HubNodeRow) => ({
  id: n.id,
  name: n.name,
  provinceCode: n.provinceCode,
  baseUrl: n.baseUrl,
  keyPrefix: n.keyPrefix,
  createdAt: n.createdAt.toISOString(),
  revokedAt: n.revokedAt?.toISOString() ?? null,
  lastDeliveryAt: n.lastDeliveryAt?.toISOString() ?? null,
});

/** Registers a province node; its key is returned this once. `actor` null: the command line. */
export async function registerNode(db: Db, input: NodeInput, actor: Actor | null) {
  const { prefix, key, keyHash } = newNodeKey();
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: hubNodes.id })
      .from(hubNodes)
      .where(eq(hubNodes.provinceCode, input.provinceCode));
    if (taken) throw badRequest([{ field: '/body/provinceCode', code: 'hub.provinceTaken' }]);
    const [row] = await tx
      .insert(hubNodes)
      .values({
        name: input.name,
        provinceCode: input.provinceCode,
        baseUrl: input.baseUrl,
        keyPrefix: prefix,
        keyHash,
      })
      .returning();
    const view = presentNode(row);
    await recordAudit(tx, { actor, action: 'create', entityType: 'hub_node', entityId: row.id, after: view });
    return { ...view, key };
  });
}

/**
 * Disables a node: its key answers 401 from now on, and what it sent stays (withdrawing it is the province's
 * decision, made record by record). Disabling one already disabled changes nothing.
 */
export async function revokeNode(db: Db, id: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(hubNodes).where(eq(hubNodes.id, id));
    if (!before) throw notFound();
    if (before.revokedAt) return presentNode(before);
    const [row] = await tx
      .update(hubNodes)
      .set({ revokedAt: new Date() })
      .where(and(eq(hubNodes.id, id), isNull(hubNodes.revokedAt)))
      .returning();
    const view = presentNode(row);
    await recordAudit(tx, {
      actor,
      action: 'revoke',
      entityType: 'hub_node',
      entityId: id,
      before: presentNode(before),
      after: view,
    });
    return view;
  });
}

export async function listNodes(db: DbOrTx) {
  return db.select().from(hubNodes).orderBy(hubNodes.provinceCode);
}

/** The node a delivery comes from, by its key; 401 for a missing, unknown or revoked one. */
export async function authenticateNode(db: DbOrTx, authorization: string | undefined): Promise<HubNodeRow> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new Problem(401, 'hub.node-key-required');
  const [node] = await db
    .select()
    .from(hubNodes)
    .where(eq(hubNodes.keyHash, sha256(match[1])));
  if (!node || node.revokedAt) throw new Problem(401, 'hub.bad-node-key');
  return node;
}
