import crypto from 'node:crypto';

/** The hash the first row of the chain links to. */
export const genesisHash = '0'.repeat(64);

/** The columns of an audit row that the chain seals (everything but the serial id and the hashes themselves). */
export interface SealedAuditRow {
  at: Date;
  actorId: string | null;
  actorKind: string | null;
  actorRole: string | null;
  actorName: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted, so a value read back from jsonb (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What jsonb will give back for a value: dates become strings, undefined disappears. */
export const asStoredJson = (value: unknown): unknown =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));

export function chainHash(prevHash: string, row: SealedAuditRow): string {
  // named one by one: a row read back carries its id and hashes too, which the seal must not cover
  const body = canonicalJson({
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorKind: row.actorKind,
    actorRole: row.actorRole,
    actorName: row.actorName,
    organisationId: row.organisationId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
