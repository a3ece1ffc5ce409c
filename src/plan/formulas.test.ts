import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../platform/index.ts';
import { addTraceabilitySystem, circularDataItems, traceabilityPrinciples } from '../registry/index.ts';
import {
  adminActor,
  createTestApp,
  gtin,
  makeOrganisation,
  makeProduct,
  type TestApp,
} from '../test/index.ts';
import {
  barcodeOrganisationsConformant,
  mandatoryProductsTraced,
  ocopProductsTraceable,
  organisationsJoined,
  productsConnected,
  productsConnectedGrowth,
  scans,
  stampsActivated,
} from './builtin-formulas.ts';
import { periodBounds, previousPeriod, yearPeriod } from './period.ts';

// One small province, every figure below counted by hand from it. Rows the services date "now" (December 2026) are
// moved in time with plain SQL where the data set needs them in 2025 or 2027.

let t: TestApp;
const y2025 = yearPeriod(2025);
const y2026 = yearPeriod(2026);

const exec = (db: DbOrTx, q: ReturnType<typeof sql>) => db.execute(q);
const backdate = (table: 'organisations' | 'products', id: string, at: string) =>
  exec(t.db, sql`UPDATE ${sql.raw(table)} SET created_at = ${at}::timestamptz WHERE id = ${id}::uuid`);

async function event(organisationId: string, gtinOf: string, at: string, errorDeclaration = false) {
  const [row] = (
    (await exec(
      t.db,
      sql`INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, record_time, event_time_zone_offset,
        action, biz_step, organisation_id, capture_id, content_hash, document)
      VALUES (${`urn:uuid:${crypto.randomUUID()}`}, ${errorDeclaration}, 'ObjectEvent', ${at}::timestamptz, ${at}::timestamptz, '+07:00',
        'OBSERVE', 'shipping', ${organisationId}::uuid, ${crypto.randomUUID()}::uuid, 'h', '{}'::jsonb)
      RETURNING id`,
    )) as unknown as { rows: { id: number }[] }
  ).rows;
  await exec(
    t.db,
    sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class)
      VALUES (${row.id}, ${`https://id.gs1.org/01/${gtinOf}/10/L1`}, 'epc', true)`,
  );
}

async function range(organisationId: string, gtinOf: string, first: number, last: number) {
  const requestId = crypto.randomUUID();
  await exec(
    t.db,
    sql`INSERT INTO stamp_requests (id, organisation_id, gtin, quantity, kind, requested_by, status)
      VALUES (${requestId}::uuid, ${organisationId}::uuid, ${gtinOf}, ${last - first + 1}, 'traceability', 'test', 'approved')`,
  );
  const id = crypto.randomUUID();
  await exec(
    t.db,
    sql`INSERT INTO stamp_ranges (id, request_id, organisation_id, gtin, kind, first_serial, last_serial)
      VALUES (${id}::uuid, ${requestId}::uuid, ${organisationId}::uuid, ${gtinOf}, 'traceability', ${first}, ${last})`,
  );
  return id;
}

const change = (rangeId: string, gtinOf: string, first: number, last: number, action: string, at: string) =>
  exec(
    t.db,
    sql`INSERT INTO stamp_changes (range_id, gtin, first_serial, last_serial, action, actor_id, at)
      VALUES (${rangeId}::uuid, ${gtinOf}, ${first}, ${last}, ${action}, 'test', ${at}::timestamptz)`,
  );

const scan = (gtinOf: string, at: string) =>
  exec(
    t.db,
    sql`INSERT INTO stamp_scans (gtin, serial, network, at) VALUES (${gtinOf}, 1, 'n', ${at}::timestamptz)`,
  );

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  const [a1, a2, a3, b1, b2, b3, e1] = Array.from({ length: 7 }, () => gtin());
  // A: approved, GS1 prefix, a fully conformant traceability system (2026)
  const A = await makeOrganisation(db, { name: 'A', ownGtins: [a1, a2, a3] });
  await addTraceabilitySystem(
    db,
    A.id,
    { name: 'Hệ thống A', principles: [...traceabilityPrinciples], dataItems: [...circularDataItems] },
    adminActor,
  );
  // B: approved, GS1 prefix, a system meeting one principle only (2026)
  const B = await makeOrganisation(db, { name: 'B', ownGtins: [b1, b2, b3] });
  await addTraceabilitySystem(
    db,
    B.id,
    { name: 'Hệ thống B', principles: [traceabilityPrinciples[0]] },
    adminActor,
  );
  // C: approved in 2025, no GS1 prefix and no product: not a barcode user
  const C = await makeOrganisation(db, { name: 'C' });
  await backdate('organisations', C.id, '2025-06-01T03:00:00Z');
  // D: a draft with a prefix: counts nowhere
  await makeOrganisation(db, { name: 'D', ownGtins: [gtin()], draft: true });
  // E: approved, with a prefix, but registered in 2027: not there at the end of 2026
  const E = await makeOrganisation(db, { name: 'E', ownGtins: [e1] });
  await backdate('organisations', E.id, '2027-02-01T03:00:00Z');

  const pA1 = await makeProduct(db, A.id, { gtin: a1, name: 'A1' });
  await makeProduct(db, A.id, { gtin: a2, name: 'A2' });
  await makeProduct(db, A.id, { gtin: a3, name: 'A3' });
  const pB1 = await makeProduct(db, B.id, { gtin: b1, name: 'B1' });
  const pB2 = await makeProduct(db, B.id, { gtin: b2, name: 'B2' });
  const pB3 = await makeProduct(db, B.id, { gtin: b3, name: 'B3', draft: true });
  await backdate('products', pB1.id, '2025-01-10T03:00:00Z');
  await backdate('products', pB2.id, '2025-01-10T03:00:00Z');
  const ocop = (id: string, stars: number, until: string | null) =>
    exec(
      db,
      sql`UPDATE products SET ocop_stars = ${stars}, ocop_valid_until = ${until} WHERE id = ${id}::uuid`,
    );
  await ocop(pA1.id, 4, '2028-01-01');
  await ocop(pB1.id, 3, '2026-06-30');
  await ocop(pB2.id, 5, null);
  await ocop(pB3.id, 3, null);

  // a mandatory list in force since 2020 naming A1, A2 and B3
  const list = crypto.randomUUID();
  const version = crypto.randomUUID();
  await exec(
    db,
    sql`INSERT INTO catalogue_lists (id, sector, kind, title)
    VALUES (${list}::uuid, 'agriculture', 'mandatory', 'Danh mục bắt buộc thử')`,
  );
  await exec(
    db,
    sql`INSERT INTO catalogue_versions (id, list_id, state, effective_from, issued_at)
    VALUES (${version}::uuid, ${list}::uuid, 'approved', '2020-01-01', now())`,
  );
  for (const g of [a1, a2, b3])
    await exec(
      db,
      sql`INSERT INTO catalogue_items (version_id, match, value) VALUES (${version}::uuid, 'gtin', ${g})`,
    );

  // events (recorded as they happen): 2026 names A1, A3, B2, B3 (a draft); 2025 names B1, B2; A2 only by an error declaration
  await event(A.id, a1, '2026-04-01T02:00:00Z');
  await event(A.id, a3, '2026-05-01T02:00:00Z');
  await event(B.id, b2, '2026-07-01T02:00:00Z');
  await event(B.id, b3, '2026-07-02T02:00:00Z');
  await event(B.id, b1, '2025-03-01T02:00:00Z');
  await event(B.id, b2, '2025-08-01T02:00:00Z');
  await event(A.id, a2, '2026-08-01T02:00:00Z', true);

  // stamps of A1: 1–100 activated in March 2026; 101–150 at 01:00 on 1 January 2026 in Vietnam (still 2025 in
  // UTC); 200–209 at 00:30 on 1 January 2027 in Vietnam (still 2026 in UTC); 1–10 deactivated (not an activation)
  const r = await range(A.id, a1, 1, 300);
  await change(r, a1, 1, 100, 'activate', '2026-03-01T02:00:00Z');
  await change(r, a1, 101, 150, 'activate', '2025-12-31T18:00:00Z');
  await change(r, a1, 200, 209, 'activate', '2026-12-31T17:30:00Z');
  await change(r, a1, 1, 10, 'deactivate', '2026-04-01T02:00:00Z');

  // scans: three in 2026, one at 23:59 on 31 December 2025 in Vietnam, one at 23:59:59 on 31 December 2026
  await scan(a1, '2026-02-01T02:00:00Z');
  await scan(a1, '2026-06-01T02:00:00Z');
  await scan(a1, '2026-09-01T02:00:00Z');
  await scan(a1, '2025-12-31T16:59:00Z');
  await scan(a1, '2026-12-31T16:59:59Z');
});
afterAll(() => t?.close());

describe('periods in Vietnam time', () => {
  it('a year runs from 00:00 on 1 January to the end of 31 December, UTC+7', () => {
    expect(periodBounds(y2026)).toEqual({
      start: '2025-12-31T17:00:00.000Z',
      end: '2026-12-31T17:00:00.000Z',
    });
  });
  it('the period before has the same number of days', () => {
    expect(previousPeriod(y2026)).toEqual(y2025);
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
  });
});

describe('built-in formulas on a hand-counted province', () => {
  it('barcode users applying a conformant system: A of A and B (C has no barcode, D is a draft, E came in 2027) = 50 %', async () => {
    expect(await barcodeOrganisationsConformant.compute(t.db, y2026)).toEqual({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
  });

  it('products with connected data: 2026 = A1, A3, B2 (B3 is a draft, A2 only an error declaration) = 3; 2025 = B1, B2 = 2', async () => {
    expect(await productsConnected.compute(t.db, y2026)).toEqual({ value: 3 });
    expect(await productsConnected.compute(t.db, y2025)).toEqual({ value: 2 });
  });

  it('their growth: (3 − 2) / 2 = 50 %', async () => {
    expect(await productsConnectedGrowth.compute(t.db, y2026)).toEqual({
      value: 50,
      numerator: 3,
      denominator: 2,
    });
  });

  it('mandatory products traced: A1 of A1, A2, B3 (A2 silent, B3 a draft) = 33.3 %', async () => {
    expect(await mandatoryProductsTraced.compute(t.db, y2026)).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    });
  });

  it('OCOP products traceable at the end of 2026: A1 and B2 of A1, B2, B3 (B1 expired in June, B3 a draft) = 66.7 %', async () => {
    expect(await ocopProductsTraceable.compute(t.db, y2026)).toEqual({
      value: 66.7,
      numerator: 2,
      denominator: 3,
    });
  });

  it('organisations joined: A, B in 2026 (D a draft, E in 2027); C in 2025', async () => {
    expect(await organisationsJoined.compute(t.db, y2026)).toEqual({ value: 2 });
    expect(await organisationsJoined.compute(t.db, y2025)).toEqual({ value: 1 });
  });

  it('stamps activated in 2026, Vietnam time: 100 + 50 = 150; none in 2025', async () => {
    expect(await stampsActivated.compute(t.db, y2026)).toEqual({ value: 150 });
    expect(await stampsActivated.compute(t.db, y2025)).toEqual({ value: 0 });
  });

  it('scans: 4 in 2026 (one at 23:59:59 on 31 December), 1 in 2025', async () => {
    expect(await scans.compute(t.db, y2026)).toEqual({ value: 4 });
    expect(await scans.compute(t.db, y2025)).toEqual({ value: 1 });
  });
});
