import { ne } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { cases } from './cases.schema.ts';

/** The organisations with a fraud case not yet closed: how inspection plans choose their targets by risk. */
export async function organisationsWithOpenCases(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organisationId: cases.organisationId })
    .from(cases)
    .where(ne(cases.state, 'closed'));
  return rows.map((r) => r.organisationId);
}
