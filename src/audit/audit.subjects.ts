import { type DbOrTx, isUuid } from '../platform/index.ts';

/** Finds the words people know a record by (a lot's code, a product's name), or null when it is gone. */
export type SubjectLabeller = (db: DbOrTx, id: string) => Promise<string | null>;

const labellers = new Map<string, SubjectLabeller>();

/**
 * The modules that own the records register how to name them (the arrow would point up otherwise): the log asks
 * when it writes an entry, so the entry keeps the name the record had then.
 */
export function registerAuditSubject(entityType: string, labeller: SubjectLabeller): void {
  labellers.set(entityType, labeller);
}

type Snapshot = Record<string, unknown> | null;
const asSnapshot = (value: unknown): Snapshot =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A review item stands for another record: the entry is about that one. */
export function subjectOf(entry: {
  entityType: string;
  entityId: string;
  after?: unknown;
  before?: unknown;
}) {
  const snapshot = asSnapshot(entry.after) ?? asSnapshot(entry.before);
  if (entry.entityType === 'review_item' && typeof snapshot?.entityType === 'string') {
    return { entityType: snapshot.entityType, entityId: String(snapshot.entityId ?? ''), snapshot: null };
  }
  return { entityType: entry.entityType, entityId: entry.entityId, snapshot };
}

/** The label from the record's owner, else from the row the entry carries (a deleted record is still named). */
export async function labelSubject(
  db: DbOrTx,
  entry: { entityType: string; entityId: string; after?: unknown; before?: unknown },
): Promise<string | null> {
  const subject = subjectOf(entry);
  const labeller = labellers.get(subject.entityType);
  // every owned table keys by uuid: anything else is not looked up (a wrong type would abort the transaction)
  const found = labeller && isUuid(subject.entityId) ? await labeller(db, subject.entityId) : null;
  return found ?? labelFromSnapshot(subject.snapshot);
}

function labelFromSnapshot(row: Snapshot): string | null {
  if (!row) return null;
  const runs = Array.isArray(row.runs) ? (row.runs as { firstSerial?: number; lastSerial?: number }[]) : [];
  if (typeof row.lot === 'string' && runs.length) {
    return `${row.lot} · ${runs.map((r) => `${r.firstSerial}–${r.lastSerial}`).join(', ')}`;
  }
  for (const key of ['lot', 'name', 'number', 'lotNumber', 'season']) {
    if (typeof row[key] === 'string' && row[key]) return row[key] as string;
  }
  return null;
}

/** The organisation a person acts for, by name, when they act for one. */
export async function labelOrganisation(db: DbOrTx, organisationIds: readonly string[] | undefined) {
  const first = organisationIds?.[0];
  const labeller = labellers.get('organisation');
  return first && labeller && isUuid(first) ? labeller(db, first) : null;
}
