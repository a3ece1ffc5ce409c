import { sql } from 'drizzle-orm';
import { type DbOrTx, Problem } from '../platform/index.ts';
import { visibilityCondition } from './epcis.query.repo.ts';
import { selectRows } from './epcis.repo.ts';
import type { Visibility } from './epcis.service.ts';

/** What a discovery resource lists: a column of the events, or the EPCs (instance identifiers) they name. */
export type KnownSource = 'event_type' | 'biz_step' | 'disposition' | 'read_point' | 'biz_location' | 'epc';

/** A page of a discovery listing: values in order, and the token of the next page when there is one. */
export interface KnownPage {
  values: string[];
  nextPageToken: string | null;
}

const token = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

function afterToken(nextPageToken: string | undefined): string | null {
  if (nextPageToken === undefined) return null;
  const value = Buffer.from(nextPageToken, 'base64url').toString('utf8');
  if (!value || token(value) !== nextPageToken)
    throw new Problem(400, 'epcis-invalid-query', {
      errors: [{ field: 'nextPageToken', code: 'epcis.query.badToken' }],
    });
  return value;
}

/**
 * The values the reader may see, distinct and in order, one page at a time (the REST binding's top-level resources:
 * `/eventTypes`, `/bizSteps`, `/dispositions`, `/readPoints`, `/bizLocations`, `/epcs`). EPCs are the instance
 * identifiers of the events (EPC lists, parents, children, inputs, outputs) in their canonical Digital Link form.
 */
export async function listKnown(
  db: DbOrTx,
  source: KnownSource,
  visibility: Visibility,
  page: { perPage: number; nextPageToken?: string },
): Promise<KnownPage> {
  const after = afterToken(page.nextPageToken);
  const from =
    source === 'epc'
      ? sql`SELECT DISTINCT i.id AS value FROM epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk
          WHERE NOT i.is_class`
      : sql`SELECT DISTINCT ${sql.raw(`e.${source}`)} AS value FROM epcis_events e
          WHERE ${sql.raw(`e.${source}`)} IS NOT NULL`;
  const rows = await selectRows<{ value: string }>(
    db,
    sql`SELECT value FROM (${from} AND ${visibilityCondition(visibility)}) known
      ${after === null ? sql`` : sql`WHERE value COLLATE "C" > ${after}`}
      ORDER BY value COLLATE "C" LIMIT ${page.perPage + 1}`,
  );
  const values = rows.slice(0, page.perPage).map((r) => r.value);
  const more = rows.length > page.perPage;
  return { values, nextPageToken: more ? token(values[values.length - 1]) : null };
}
