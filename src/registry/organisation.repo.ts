import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, textArrayLiteral } from '../platform/index.ts';
import { likePattern, orderBy } from './list-query.ts';
import type { OrganisationListQuery } from './organisation.schema.ts';
import type { ReadScope } from './registry.policy.ts';
import { organisationCertificates, organisations } from './registry.schema.ts';
import { scopeCondition } from './scope-sql.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationValues = typeof organisations.$inferInsert;
export type CertificateRow = typeof organisationCertificates.$inferSelect;

export async function insertOrganisation(db: DbOrTx, values: OrganisationValues): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row;
}

export async function updateOrganisation(
  db: DbOrTx,
  id: string,
  values: Partial<OrganisationValues>,
): Promise<OrganisationRow> {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return row;
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function anyOrganisation(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length > 0;
}

export async function findOrganisationByTaxCode(
  db: DbOrTx,
  taxCode: string,
): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.taxCode, taxCode));
  return row ?? null;
}

export async function findOrganisationsByIds(db: DbOrTx, ids: string[]): Promise<OrganisationRow[]> {
  if (!ids.length) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

/** Organisations holding any of these GLNs (as party or location identifiers). */
export async function findOrganisationsByGlns(db: DbOrTx, glns: string[]): Promise<OrganisationRow[]> {
  if (!glns.length) return [];
  return db
    .select()
    .from(organisations)
    .where(sql`${organisations.glns} && ${textArrayLiteral(glns)}::text[]`);
}

export async function listOrganisations(
  db: DbOrTx,
  scope: ReadScope,
  query: OrganisationListQuery,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    scopeCondition(scope, {
      organisationId: organisations.id,
      sector: organisations.sector,
      communeCode: organisations.communeCode,
    }),
    query.reviewStatus ? eq(organisations.reviewStatus, query.reviewStatus) : undefined,
    query.type ? eq(organisations.type, query.type) : undefined,
    query.sector ? eq(organisations.sector, query.sector) : undefined,
    query.communeCode ? eq(organisations.communeCode, query.communeCode) : undefined,
    query.q
      ? or(
          ilike(organisations.name, likePattern(query.q)),
          ilike(organisations.taxCode, likePattern(query.q)),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(organisations).where(where);
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(
      ...orderBy(
        query.sort,
        { name: organisations.name, createdAt: organisations.createdAt, taxCode: organisations.taxCode },
        asc(organisations.id),
      ),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows, total };
}

export async function insertCertificate(
  db: DbOrTx,
  values: typeof organisationCertificates.$inferInsert,
): Promise<CertificateRow> {
  const [row] = await db.insert(organisationCertificates).values(values).returning();
  return row;
}

export async function listCertificates(db: DbOrTx, organisationId: string): Promise<CertificateRow[]> {
  return db
    .select()
    .from(organisationCertificates)
    .where(eq(organisationCertificates.organisationId, organisationId))
    .orderBy(asc(organisationCertificates.createdAt), asc(organisationCertificates.id));
}

export async function deleteCertificate(
  db: DbOrTx,
  organisationId: string,
  id: string,
): Promise<CertificateRow | null> {
  const [row] = await db
    .delete(organisationCertificates)
    .where(
      and(eq(organisationCertificates.id, id), eq(organisationCertificates.organisationId, organisationId)),
    )
    .returning();
  return row ?? null;
}

/** Ids of the organisations a read scope covers (the scope is never `all` here: that needs no list). */
export async function organisationIdsInScope(db: DbOrTx, scope: ReadScope): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      scopeCondition(scope, {
        organisationId: organisations.id,
        sector: organisations.sector,
        communeCode: organisations.communeCode,
      }),
    );
  return rows.map((r) => r.id);
}

/**
 * The province's directory of organisations on the platform: those with a public version (approved, or approved
 * before an edit that waits), searched by name, tax code or GLN. Every signed-in user may look a partner up.
 */
export async function listDirectory(
  db: DbOrTx,
  query: { q?: string; page: number; pageSize: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const q = query.q?.trim();
  const where = and(
    or(eq(organisations.reviewStatus, 'approved'), sql`${organisations.publishedRow} IS NOT NULL`),
    q
      ? or(
          ilike(organisations.name, likePattern(q)),
          ilike(organisations.taxCode, likePattern(q)),
          sql`${q} = ANY(${organisations.glns})`,
        )
      : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(organisations).where(where);
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows, total };
}
