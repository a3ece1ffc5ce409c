import { sql } from 'drizzle-orm';
import { type Check, rows, viDate } from './check.ts';
import type { Finding } from './contract.ts';

/** Today in Vietnam, as yyyy-mm-dd: certificates and ratings run to the end of their last day there. */
export const vnToday = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * Certificates and OCOP ratings past their end date but still shown: a certificate of an organisation the public
 * sees (approved), or an OCOP star rating on an approved product, whose `valid_to` / `ocop_valid_until` has passed.
 */
export const expiredCredentials: Check = {
  name: 'expired_credentials',
  title: 'Chứng nhận, OCOP hết hạn vẫn hiển thị',
  async run(db, { now }) {
    const today = vnToday(now);
    const certificates = await rows<{
      id: string;
      organisationId: string;
      name: string;
      kind: string;
      number: string;
      validTo: string;
    }>(
      db,
      sql`SELECT c.id, c.organisation_id AS "organisationId", o.name, c.kind, c.number, c.valid_to::text AS "validTo"
          FROM organisation_certificates c JOIN organisations o ON o.id = c.organisation_id
          WHERE c.valid_to < ${today}::date AND o.review_status = 'approved'`,
    );
    const ratings = await rows<{
      id: string;
      organisationId: string;
      name: string;
      gtin: string;
      stars: number;
      validUntil: string;
    }>(
      db,
      sql`SELECT id, organisation_id AS "organisationId", name, gtin, ocop_stars AS stars,
            ocop_valid_until::text AS "validUntil"
          FROM products
          WHERE ocop_stars IS NOT NULL AND ocop_valid_until < ${today}::date AND review_status = 'approved'`,
    );
    const findings: Finding[] = certificates.map((c) => ({
      subject: { type: 'organisation', organisationId: c.organisationId },
      summary: `Chứng nhận ${c.kind} số ${c.number} của ${c.name} đã hết hạn ngày ${viDate(c.validTo)} nhưng vẫn hiển thị.`,
      evidence: {
        kind: 'certificate',
        certificateId: c.id,
        certificateKind: c.kind,
        number: c.number,
        validTo: c.validTo,
      },
      dedupeKey: `expired_credentials:certificate:${c.id}:${c.validTo}`,
    }));
    for (const r of ratings)
      findings.push({
        subject: { type: 'product', organisationId: r.organisationId, productId: r.id },
        summary: `Sản phẩm ${r.name} vẫn hiển thị OCOP ${r.stars} sao dù chứng nhận đã hết hạn ngày ${viDate(r.validUntil)}.`,
        evidence: { kind: 'ocop', productId: r.id, gtin: r.gtin, stars: r.stars, validUntil: r.validUntil },
        dedupeKey: `expired_credentials:ocop:${r.id}:${r.validUntil}`,
      });
    return findings;
  },
};
