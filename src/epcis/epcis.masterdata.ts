import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { storedId } from './epcis.ids.ts';
import { pgArray, selectRows } from './epcis.repo.ts';

/** One vocabulary element as the JSON binding writes it, with the vocabulary it belongs to. */
export interface MasterDataElement {
  vocabularyType: string;
  id: string;
  attributes: { id: string; attribute?: unknown }[];
  children: string[];
}

type Json = Record<string, any>;

/**
 * The vocabulary elements a document carries in `epcisHeader.epcisMasterData` (an EPCISMasterDataDocument sent as
 * XML arrives there too, epcis.xml.ts). GS1 identifiers are kept in the canonical form events are stored in, so an
 * event's readPoint finds its element; the same element twice keeps the last description.
 */
export function masterDataOf(document: Json): MasterDataElement[] {
  const vocabularies = document?.epcisHeader?.epcisMasterData?.vocabularyList;
  const out = new Map<string, MasterDataElement>();
  for (const vocabulary of Array.isArray(vocabularies) ? vocabularies : []) {
    if (typeof vocabulary?.type !== 'string') continue;
    for (const element of vocabulary.vocabularyElementList ?? []) {
      if (typeof element?.id !== 'string') continue;
      const id = storedId(element.id);
      out.set(`${vocabulary.type} ${id}`, {
        vocabularyType: vocabulary.type,
        id,
        attributes: Array.isArray(element.attributes) ? element.attributes : [],
        children: Array.isArray(element.children)
          ? element.children.map((c: unknown) => storedId(String(c)))
          : [],
      });
    }
  }
  return [...out.values()];
}

/** Stores the elements in one statement: an organisation's newer description of an element replaces its older. */
export async function upsertMasterData(
  db: DbOrTx,
  capture: { captureId: string; organisationId: string | null },
  elements: MasterDataElement[],
) {
  if (!elements.length) return;
  await db.execute(sql`
    INSERT INTO epcis_master_data (vocabulary_type, element_id, attributes, children, organisation_id, capture_id)
    SELECT x."vocabularyType", x.id, x.attributes, x.children, ${capture.organisationId}::uuid, ${capture.captureId}::uuid
    FROM jsonb_to_recordset(${JSON.stringify(elements)}::jsonb)
      AS x("vocabularyType" text, id text, attributes jsonb, children jsonb)
    ON CONFLICT (vocabulary_type, element_id, COALESCE(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid))
    DO UPDATE SET attributes = EXCLUDED.attributes, children = EXCLUDED.children, capture_id = EXCLUDED.capture_id,
      recorded_at = now()`);
}

/**
 * Stored elements, as the JSON binding's vocabularyList: of one type and/or element ids when given, only those
 * that `organisationIds` described (all when null). Ordered by type and id.
 */
export async function findMasterData(
  db: DbOrTx,
  opts: { organisationIds: string[] | null; type?: string; ids?: string[]; limit: number },
) {
  const where = [
    opts.organisationIds ? sql`organisation_id = ANY(${pgArray(opts.organisationIds)}::uuid[])` : sql`true`,
    opts.type ? sql`vocabulary_type = ${opts.type}` : sql`true`,
    opts.ids?.length ? sql`element_id = ANY(${pgArray(opts.ids.map(storedId))}::text[])` : sql`true`,
  ];
  const rows = await selectRows<{ type: string; id: string; attributes: unknown; children: unknown }>(
    db,
    sql`SELECT vocabulary_type AS type, element_id AS id, attributes, children FROM epcis_master_data
      WHERE ${sql.join(where, sql` AND `)} ORDER BY vocabulary_type, element_id, recorded_at DESC LIMIT ${opts.limit}`,
  );
  const byType = new Map<string, Json[]>();
  for (const r of rows) {
    const element: Json = { id: r.id };
    if (Array.isArray(r.attributes) && r.attributes.length) element.attributes = r.attributes;
    if (Array.isArray(r.children) && r.children.length) element.children = r.children;
    byType.set(r.type, [...(byType.get(r.type) ?? []), element]);
  }
  return [...byType].map(([type, vocabularyElementList]) => ({ type, vocabularyElementList }));
}

/** Attributes that name an element, best first (CBV master data: a location's name, a class's descriptions). */
const nameAttributes = ['name', 'descriptionShort', 'regulatedProductName', 'tradeItemDescription'];
const localName = (attributeId: string) => attributeId.split(/[#:/]/).pop() ?? '';

/**
 * The names master data gives identifiers (read points, business locations, parties, EPC classes), as described by
 * `organisationIds` (the organisations whose events are being shown: nobody names another's goods for them),
 * the newest description first. Identifiers are matched in their stored (canonical) form.
 */
export async function masterDataNames(
  db: DbOrTx,
  ids: string[],
  organisationIds: string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!ids.length || !organisationIds.length) return names;
  const rows = await selectRows<{ id: string; attributes: { id?: unknown; attribute?: unknown }[] }>(
    db,
    sql`SELECT element_id AS id, attributes FROM epcis_master_data
      WHERE element_id = ANY(${pgArray(ids.map(storedId))}::text[])
        AND organisation_id = ANY(${pgArray(organisationIds)}::uuid[])
      ORDER BY recorded_at DESC`,
  );
  for (const row of rows) {
    if (names.has(row.id) || !Array.isArray(row.attributes)) continue;
    for (const wanted of nameAttributes) {
      const found = row.attributes.find(
        (a) => typeof a?.id === 'string' && localName(a.id) === wanted && typeof a.attribute === 'string',
      );
      if (found && (found.attribute as string).trim()) {
        names.set(row.id, (found.attribute as string).trim());
        break;
      }
    }
  }
  return names;
}
