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

/**
 * JSON with object keys sorted, so a value read back from jsonb (which reorders keys) hashes the same. Written with
 * plain loops: verifying a million-row chain runs it a million times (the output is what JSON.stringify gives for the
 * same value with its keys in code-unit order, undefined properties left out).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
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
  return crypto.hash('sha256', `${prevHash}\n${body}`, 'hex');
}
