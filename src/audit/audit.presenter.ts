import type { Lang } from '../platform/index.ts';
import { describeChanges } from './audit.diff.ts';
import type { auditLog } from './audit.schema.ts';
import { describeActor, describeEntry, describeSubject } from './audit.words.ts';

/** An entry as stored (what the chain seals, for checking) and in words for people, in the reader's language. */
export function presentAuditEntry(row: typeof auditLog.$inferSelect, lang: Lang) {
  const subject = describeSubject(row, lang);
  return {
    id: row.id,
    at: row.at.toISOString(),
    summary: describeEntry(row, lang),
    actor: {
      id: row.actorId,
      kind: row.actorKind,
      role: row.actorRole,
      name: row.actorName,
      organisation: row.actorOrganisation,
      text: describeActor(row, lang),
    },
    organisationId: row.organisationId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    subject: { kind: subject.kind, label: subject.label },
    changes: describeChanges(row.before, row.after, lang),
    before: row.before,
    after: row.after,
    hash: row.hash,
  };
}
