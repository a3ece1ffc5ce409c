import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

export const reviewStatuses = ['draft', 'submitted', 'approved', 'returned', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** Paging, free-text search and sorting shared by every registry list. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortable: S) {
  const sorts = sortable.flatMap((s) => [s, `-${s}`]) as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(sorts).optional(),
    reviewStatus: z.enum(reviewStatuses).optional(),
  });
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function orderBy(sort: string | undefined, columns: Record<string, PgColumn>, fallback: SQL): SQL[] {
  if (!sort) return [fallback];
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  return [descending ? desc(column) : asc(column), fallback];
}

/** `%text%` for ILIKE with the user's wildcards taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const falseSql = sql`false`;
