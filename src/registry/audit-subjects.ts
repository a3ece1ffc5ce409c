import { eq, inArray } from 'drizzle-orm';
import { registerAuditScope, registerAuditSubject } from '../audit/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import {
  locations,
  lots,
  organisationCertificates,
  organisations,
  products,
  traceabilitySystems,
} from './registry.schema.ts';

/** The audit log names the registry's records as people know them, taken when each entry is written. */
const byName =
  (table: typeof organisations | typeof locations | typeof products | typeof traceabilitySystems) =>
  async (db: DbOrTx, id: string) => {
    const [row] = await db.select({ label: table.name }).from(table).where(eq(table.id, id));
    return row?.label ?? null;
  };

registerAuditSubject('organisation', byName(organisations));
registerAuditSubject('location', byName(locations));
registerAuditSubject('product', byName(products));
registerAuditSubject('traceability_system', byName(traceabilitySystems));
registerAuditSubject('organisation_certificate', async (db, id) => {
  const [row] = await db
    .select({ number: organisationCertificates.number })
    .from(organisationCertificates)
    .where(eq(organisationCertificates.id, id));
  return row?.number ?? null;
});
// a lot by its code and its product, so a search by either finds it
registerAuditSubject('lot', async (db, id) => {
  const [row] = await db
    .select({ lot: lots.lot, product: products.name })
    .from(lots)
    .innerJoin(products, eq(products.id, lots.productId))
    .where(eq(lots.id, id));
  return row ? `${row.lot} (${row.product})` : null;
});

// officers read the entries about the organisations of their sector or their communes (decision 013)
registerAuditScope(async (db, actor) => {
  const where =
    actor.role === 'sector_officer' && actor.sector
      ? eq(organisations.sector, actor.sector)
      : actor.role === 'commune_officer' && actor.communes.length
        ? inArray(organisations.communeCode, actor.communes)
        : null;
  if (!where) return [];
  const rows = await db.select({ id: organisations.id }).from(organisations).where(where);
  return rows.map((r) => r.id);
});
