import { inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { falseSql } from './list-query.ts';
import type { ReadScope } from './registry.policy.ts';

/** The SQL form of a read scope, given where a row's owner, sector and commune are found in the query. */
export function scopeCondition(
  scope: ReadScope,
  columns: { organisationId: PgColumn; sector: PgColumn | SQL; communeCode: PgColumn | SQL },
): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'organisations':
      return scope.ids.length ? inArray(columns.organisationId, scope.ids) : falseSql;
    case 'sector':
      return scope.sector ? sql`${columns.sector} = ${scope.sector}` : falseSql;
    case 'communes':
      return scope.codes.length ? inArray(columns.communeCode as PgColumn, scope.codes) : falseSql;
  }
}
