import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { NewsKind, NewsListQuery } from './news.api.ts';
import { type NewsRow, newsArticles } from './news.schema.ts';

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function insertNews(db: DbOrTx, values: typeof newsArticles.$inferInsert): Promise<NewsRow> {
  const [row] = await db.insert(newsArticles).values(values).returning();
  return row;
}

export async function updateNews(
  db: DbOrTx,
  id: string,
  values: Partial<typeof newsArticles.$inferInsert>,
): Promise<NewsRow | null> {
  const [row] = await db
    .update(newsArticles)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(newsArticles.id, id))
    .returning();
  return row ?? null;
}

export async function findNews(db: DbOrTx, id: string): Promise<NewsRow | null> {
  const [row] = await db.select().from(newsArticles).where(eq(newsArticles.id, id));
  return row ?? null;
}

export async function slugTaken(db: DbOrTx, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: newsArticles.id })
    .from(newsArticles)
    .where(eq(newsArticles.slug, slug));
  return !!row;
}

/** Published: marked so and dated no later than now. */
const isPublished = () =>
  and(eq(newsArticles.status, 'published'), sql`${newsArticles.publishedAt} <= now()`) as SQL;

export async function listNews(
  db: DbOrTx,
  query: NewsListQuery & { publishedOnly?: boolean },
): Promise<{ rows: NewsRow[]; total: number }> {
  const where = and(
    query.kind ? eq(newsArticles.kind, query.kind) : undefined,
    query.status ? eq(newsArticles.status, query.status) : undefined,
    query.publishedOnly ? isPublished() : undefined,
    query.q
      ? or(
          ilike(newsArticles.title, like(query.q)),
          ilike(newsArticles.summary, like(query.q)),
          ilike(newsArticles.body, like(query.q)),
        )
      : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(newsArticles)
      .where(where)
      .orderBy(
        desc(sql`coalesce(${newsArticles.publishedAt}, ${newsArticles.updatedAt})`),
        desc(newsArticles.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(newsArticles).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function findPublishedBySlug(db: DbOrTx, slug: string): Promise<NewsRow | null> {
  const [row] = await db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.slug, slug), isPublished()));
  return row ?? null;
}

export type { NewsKind };
