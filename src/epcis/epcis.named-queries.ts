import { badRequest, type DbOrTx, notFound, Problem } from '../platform/index.ts';
import { prefixesOf } from './epcis.context.ts';
import { type EventQuery, parseEventQuery } from './epcis.query.ts';
import './epcis.queries.messages.ts';
import * as repo from './epcis.subscriptions.repo.ts';

/**
 * The query of a named query (the body's `query`, JSON values as the query schema writes them) as the query
 * string GET /epcis/events reads: a list becomes `|`-separated values, a number or boolean its text, and the
 * null of `EXISTS_…` an empty value. `@context` says how to read names and is not a parameter.
 */
export function queryParamsOf(query: Record<string, unknown>): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === '@context') continue;
    params[name] = Array.isArray(value) ? value.map(String) : value === null ? '' : String(value);
  }
  return params;
}

/** The prefixes a stored query's @context binds, for the extension field names it uses. */
export function bindingsOf(query: unknown): Record<string, string> {
  return prefixesOf((query as Record<string, unknown> | null)?.['@context'], {});
}

/**
 * Parses a stored query as GET /epcis/events parses its parameters, refusing what that route refuses (the same
 * 400 `epcis-invalid-query`, each field a pointer into the body's `query`). A page token belongs to a request,
 * never to a stored query.
 */
export function readStoredQuery(query: unknown): EventQuery {
  if (typeof query !== 'object' || query === null || Array.isArray(query))
    throw badRequest(
      [{ field: '/query', code: 'field.type', params: { expected: 'object' } }],
      'epcis-invalid-query',
    );
  const nested = Object.entries(query).filter(
    ([name, v]) => name !== '@context' && typeof v === 'object' && v !== null && !Array.isArray(v),
  );
  const misplaced = ['nextPageToken'].filter((name) => name in query);
  if (nested.length || misplaced.length)
    throw badRequest(
      [
        ...nested.map(([name]) => ({ field: `/query/${name}`, code: 'epcis.query.badValue' })),
        ...misplaced.map((name) => ({ field: `/query/${name}`, code: 'epcis.query.unknownParameter' })),
      ],
      'epcis-invalid-query',
    );
  try {
    return parseEventQuery(queryParamsOf(query as Record<string, unknown>), bindingsOf(query));
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    throw new Problem(err.status, err.code, {
      errors: err.errors.map((e) => ({ ...e, field: `/query/${e.field}` })),
      params: err.params,
    });
  }
}

/** Saves a named query for an organisation: 400 when the query would be refused by GET /epcis/events, 409 on a name it already uses. */
export async function createNamedQuery(
  db: DbOrTx,
  input: { organisationId: string; name: string; query: Record<string, unknown> },
) {
  readStoredQuery(input.query);
  if (!(await repo.insertNamedQuery(db, input)))
    throw new Problem(409, 'epcis-query-exists', { params: { name: input.name } });
}

/** The organisation's named query; 404 for a name it does not have, whoever else has it. */
export async function requireNamedQuery(db: DbOrTx, organisationId: string, name: string) {
  const query = await repo.findNamedQuery(db, organisationId, name);
  if (!query) throw notFound('epcis-query-not-found', { name });
  return query;
}

export function listNamedQueries(db: DbOrTx, organisationId: string, after: string | null, limit: number) {
  return repo.listNamedQueries(db, organisationId, after, limit);
}

export async function deleteNamedQuery(db: DbOrTx, organisationId: string, name: string) {
  const query = await requireNamedQuery(db, organisationId, name);
  await repo.deleteNamedQuery(db, query.id);
  return query;
}

/** A named query as the REST binding answers it. */
export const presentNamedQuery = (q: { name: string; query: unknown }) => ({ name: q.name, query: q.query });
