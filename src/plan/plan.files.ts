import { sql } from 'drizzle-orm';
import { departmentFilesOwner, uploadFile } from '../files/index.ts';
import { type Actor, type Db, type DbOrTx, type FieldError, forbidden } from '../platform/index.ts';
import { mayEditPlan } from './plan.policy.ts';

export async function uploadEvidence(
  db: Db,
  actor: Actor,
  upload: { bytes: Buffer; fileName: string | null },
) {
  if (!mayEditPlan(actor)) throw forbidden();
  return uploadFile(db, actor, departmentFilesOwner, upload);
}

async function departmentFiles(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string | null>();
  const rows = (
    (await db.execute(
      sql`SELECT id::text AS id, original_name AS name FROM files
        WHERE organisation_id = ${departmentFilesOwner}::uuid AND id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
    )) as unknown as { rows: { id: string; name: string | null }[] }
  ).rows;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Evidence named must be the department's own files (never an organisation's, whoever uploaded it). */
export async function checkEvidence(db: DbOrTx, ids: string[], field: string): Promise<FieldError[]> {
  const found = await departmentFiles(db, ids);
  return ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `${field}/${i}`, code: 'plan.fileUnknown' }],
  );
}

/** The evidence files' names, for the page to list them (`/files/{id}` serves each). */
export async function evidenceNames(db: DbOrTx, ids: string[]) {
  const found = await departmentFiles(db, [...new Set(ids)]);
  return (fileIds: string[]) =>
    fileIds.filter((id) => found.has(id)).map((id) => ({ id, name: found.get(id) ?? null }));
}
