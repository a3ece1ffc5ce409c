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

/** `"key":value` for canonicalJson, or nothing for an undefined value (which canonicalJson leaves out). */
const member = (key: string, value: unknown) =>
  value === undefined ? '' : `${key}:${canonicalJson(value)},`;

/**
 * canonicalJson of the sealed columns, written with the keys already in code-unit order (it runs once per record
 * when the whole chain is checked): action, actorId, actorKind, actorName, actorRole, after, at, before, entityId,
 * entityType, organisationId. Named one by one: a row read back carries its id and hashes too, which the seal must
 * not cover.
 */
export function chainBody(row: SealedAuditRow, at = row.at.toISOString()): string {
  const body =
    member('"action"', row.action) +
    member('"actorId"', row.actorId) +
    member('"actorKind"', row.actorKind) +
    member('"actorName"', row.actorName) +
    member('"actorRole"', row.actorRole) +
    member('"after"', row.after) +
    member('"at"', at) +
    member('"before"', row.before) +
    member('"entityId"', row.entityId) +
    member('"entityType"', row.entityType) +
    member('"organisationId"', row.organisationId);
  return `{${body.slice(0, -1)}}`;
}

export function chainHash(prevHash: string, row: SealedAuditRow): string {
  return crypto.hash('sha256', `${prevHash}\n${chainBody(row)}`, 'hex');
}

/** chainHash with the row's time given as its ISO text (`row.at` is not read): for rows read as text. */
export function chainHashAt(prevHash: string, row: SealedAuditRow, at: string): string {
  return crypto.hash('sha256', `${prevHash}\n${chainBody(row, at)}`, 'hex');
}
