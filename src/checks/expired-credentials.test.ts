import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/index.ts';
import { createTestApp, type TestApp } from '../test/index.ts';
import { org, product } from './checks.fixtures.ts';
import { expiredCredentials } from './expired-credentials.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
// 5 December 2026, 20:00 in Vietnam: a certificate valid to the 5th is still valid, one to the 4th is not
const now = new Date('2026-12-05T13:00:00Z');

const certificate = (db: Db, organisationId: string, validTo: string) =>
  db.execute(sql`INSERT INTO organisation_certificates (organisation_id, kind, number, issuer, valid_to)
    VALUES (${organisationId}, 'VietGAP', 'VG-01', 'Trung tâm chứng nhận', ${validTo})`);

describe('expired certificates and OCOP ratings check', () => {
  it('fires for an approved organisation showing an expired certificate and a product showing an expired OCOP rating', async () => {
    const db = t.db;
    const o = await org(db, { name: 'HTX Hết Hạn' });
    await certificate(db, o, '2026-12-04');
    const p = await product(db, o, { ocopStars: 4, ocopValidUntil: '2026-11-30', name: 'Mật ong rừng' });
    const mine = (await expiredCredentials.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine.map((f) => f.evidence.kind).sort()).toEqual(['certificate', 'ocop']);
    expect(mine.find((f) => f.evidence.kind === 'ocop')?.subject).toEqual({
      type: 'product',
      organisationId: o,
      productId: p.id,
    });
    expect(mine.find((f) => f.evidence.kind === 'certificate')?.summary).toBe(
      'Chứng nhận VietGAP số VG-01 của HTX Hết Hạn đã hết hạn ngày 04/12/2026 nhưng vẫn hiển thị.',
    );
  });

  it('does not fire for a certificate valid through today, an unpublished organisation, or a current rating', async () => {
    const db = t.db;
    const o = await org(db);
    await certificate(db, o, '2026-12-05');
    const hidden = await org(db, { approved: false });
    await certificate(db, hidden, '2025-01-01');
    await product(db, o, { ocopStars: 3, ocopValidUntil: '2027-06-30' });
    const mine = (await expiredCredentials.run(db, { now })).filter(
      (f) => f.subject.organisationId === o || f.subject.organisationId === hidden,
    );
    expect(mine).toEqual([]);
  });
});
