import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, textArrayLiteral } from '../platform/index.ts';

/**
 * Who owns an identifier that events name: the organisation whose GS1 company prefix it was allocated under, whose
 * registered product carries its GTIN, or which declared its GLN (as a party or as one of its locations). The one
 * rule that decides who may speak for goods and places (capture, stage forms) and who is party to a chain (public
 * pages). Identifiers that are not GS1 keys, or whose keys nobody in the province holds, have no owner.
 */
export type Owners = Map<string, ReadonlySet<string>>;

/** Primary keys of a canonical Digital Link whose value starts with the company prefix after this many digits. */
const keyPrefixOffset: Record<string, number> = {
  '01': 1, // indicator digit
  '00': 1, // extension digit
  '8003': 1, // the leading zero of a GRAI
  '414': 0,
  '417': 0,
  '8004': 0,
  '253': 0,
  '255': 0,
  '401': 0,
  '402': 0,
  '8017': 0,
  '8018': 0,
  '8010': 0,
};
const digitalLinkKey = /^https:\/\/id\.gs1\.org\/(\d{2,4})\/([^/?#]+)/;
const organisationParty = /^urn:txng:org:([0-9a-f-]{36})$/i;

/** The digits a company prefix must start: `null` when the id is not a GS1 key. */
export function companyPrefixSpan(id: string): string | null {
  const m = digitalLinkKey.exec(id);
  if (!m || keyPrefixOffset[m[1]] === undefined) return null;
  const value = decodeSafely(m[2]);
  return value === null ? null : value.slice(keyPrefixOffset[m[1]]);
}

/** GTIN-14 of a trade-item id, GLN of a location or party id: the keys the registry holds rows for. */
function registryKey(id: string): { gtin?: string; gln?: string } {
  const m = digitalLinkKey.exec(id);
  if (!m) return {};
  if (m[1] === '01' && /^\d{14}$/.test(m[2])) return { gtin: m[2] };
  if ((m[1] === '414' || m[1] === '417') && /^\d{13}$/.test(m[2])) return { gln: m[2] };
  return {};
}

function decodeSafely(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The owners of each identifier, in four queries whatever the number of ids. Rejected organisations own nothing:
 * a refused registration must not block the real holder of a prefix. An identifier's owner depends only on its
 * primary key (the Digital Link up to the key's value: a GTIN, a GLN, an SSCC…), so the work is done once per key
 * and every identifier under it (a GTIN's thousands of serials and lots) gets that key's set: the sets are shared,
 * read them, never add to them.
 */
export async function ownersOfIdentifiers(db: DbOrTx, ids: string[]): Promise<Owners> {
  const owners: Owners = new Map();
  // key (`https://id.gs1.org/01/08934567000017`) → the identifiers under it
  const idsOfKey = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    // an organisation's own party id is its own; it has no GS1 key
    const party = organisationParty.exec(id);
    if (party) owners.set(id, new Set([party[1].toLowerCase()]));
    const key = digitalLinkKey.exec(id)?.[0];
    if (key === undefined) continue;
    const list = idsOfKey.get(key);
    if (list) list.push(id);
    else idsOfKey.set(key, [id]);
  }
  const spans = new Map<string, string[]>();
  const gtins = new Map<string, string[]>();
  const glns = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, value: string, key: string) => {
    const list = map.get(value);
    if (list) list.push(key);
    else map.set(value, [key]);
  };
  for (const key of idsOfKey.keys()) {
    const span = companyPrefixSpan(key);
    if (span) push(spans, span, key);
    const { gtin, gln } = registryKey(key);
    if (gtin) push(gtins, gtin, key);
    if (gln) push(glns, gln, key);
  }
  // one statement, a branch per kind of key: on a transaction's single connection three statements at once would
  // queue behind each other anyway (and node-postgres is dropping that queue)
  const branches: SQL[] = [];
  if (spans.size)
    branches.push(sql`SELECT DISTINCT 'prefix' AS via, o.id AS organisation_id, k.key
        FROM organisations o
        CROSS JOIN LATERAL unnest(o.gs1_company_prefixes) AS p(prefix)
        JOIN unnest(${textArrayLiteral([...spans.keys()])}::text[]) AS k(key) ON starts_with(k.key, p.prefix)
       WHERE o.review_status <> 'rejected'`);
  if (gtins.size)
    branches.push(sql`SELECT 'gtin' AS via, p.organisation_id, p.gtin AS key FROM products p
        JOIN organisations o ON o.id = p.organisation_id
       WHERE p.gtin = ANY(${textArrayLiteral([...gtins.keys()])}::text[]) AND o.review_status <> 'rejected'`);
  if (glns.size)
    branches.push(sql`SELECT 'gln' AS via, l.organisation_id, l.gln AS key FROM locations l
        JOIN organisations o ON o.id = l.organisation_id
       WHERE l.gln = ANY(${textArrayLiteral([...glns.keys()])}::text[]) AND o.review_status <> 'rejected'
      UNION
      SELECT 'gln', o.id, g.gln FROM organisations o CROSS JOIN LATERAL unnest(o.glns) AS g(gln)
       WHERE o.glns && ${textArrayLiteral([...glns.keys()])}::text[]
         AND g.gln = ANY(${textArrayLiteral([...glns.keys()])}::text[]) AND o.review_status <> 'rejected'`);
  const found = branches.length
    ? (
        (await db.execute(
          sql.join(
            branches.map((b) => sql`(${b})`),
            sql` UNION ALL `,
          ),
        )) as unknown as {
          rows: { via: 'prefix' | 'gtin' | 'gln'; organisation_id: string; key: string }[];
        }
      ).rows
    : [];
  const ownersOfKey = new Map<string, Set<string>>();
  const add = (keys: string[] | undefined, organisationId: string) => {
    for (const key of keys ?? []) {
      const set = ownersOfKey.get(key);
      if (set) set.add(organisationId);
      else ownersOfKey.set(key, new Set([organisationId]));
    }
  };
  const keysOf = { prefix: spans, gtin: gtins, gln: glns };
  for (const row of found) add(keysOf[row.via].get(row.key), row.organisation_id);
  for (const [key, set] of ownersOfKey) for (const id of idsOfKey.get(key)!) owners.set(id, set);
  return owners;
}

/** An identifier is foreign to an organisation when someone else owns it and the organisation does not. */
export const isForeign = (owners: Owners, id: string, organisationId: string) => {
  const set = owners.get(id);
  return Boolean(set?.size && !set.has(organisationId));
};

export const isOwnedBy = (owners: Owners, id: string, organisationId: string) =>
  owners.get(id)?.has(organisationId) ?? false;
