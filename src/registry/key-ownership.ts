import { sql } from 'drizzle-orm';
import { type DbOrTx, Problem, textArrayLiteral } from '../platform/index.ts';
import { gtinUnderCompanyPrefix } from './company-prefix.ts';

/**
 * GS1 keys belong to one organisation: a company prefix to the firm GS1 allocated it to, a GTIN to the holder of
 * its prefix. Two organisations claiming keys at the same instant are serialised by one advisory lock, taken in
 * the claiming transaction (on PGlite it costs nothing: there is one session).
 */
export async function lockKeyClaims(tx: DbOrTx) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('txng:gs1-key-claims'))`);
}

/**
 * Refuses (409, naming the field) company prefixes that another organisation (not rejected) holds, or that overlap
 * one of its prefixes: `893601` and `8936014` cannot belong to two firms, since every key under the longer one is
 * also under the shorter.
 */
export async function guardCompanyPrefixes(
  tx: DbOrTx,
  prefixes: string[] | undefined,
  selfId: string | null,
  field = '/body/gs1CompanyPrefixes',
) {
  if (!prefixes?.length) return;
  const result = (await tx.execute(sql`
    SELECT DISTINCT n.prefix FROM organisations o
      CROSS JOIN LATERAL unnest(o.gs1_company_prefixes) AS p(held)
      JOIN unnest(${textArrayLiteral(prefixes)}::text[]) AS n(prefix)
        ON starts_with(n.prefix, p.held) OR starts_with(p.held, n.prefix)
     WHERE o.review_status <> 'rejected' AND o.id IS DISTINCT FROM ${selfId}::uuid`)) as unknown as {
    rows: { prefix: string }[];
  };
  const taken = new Set(result.rows.map((r) => r.prefix));
  const index = prefixes.findIndex((p) => taken.has(p));
  if (index < 0) return;
  const params = { prefix: prefixes[index] };
  throw new Problem(409, 'registry.prefix-taken', {
    params,
    errors: [{ field: `${field}/${index}`, code: 'registry.prefixTaken', params }],
  });
}

/** GTIN-8s are allocated one by one, not under a company prefix. */
const isGtin8 = (gtin14: string) => gtin14.startsWith('000000');

/** Whether a GTIN-14 may be registered by an organisation holding these prefixes. */
export const gtinBelongsTo = (gtin14: string, prefixes: readonly string[]) =>
  isGtin8(gtin14) || gtinUnderCompanyPrefix(gtin14, prefixes);
