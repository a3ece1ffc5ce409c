import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The department's news and guidance documents (issue 13 §4): written in the back office, shown on the public
 * portal once published. The body is Markdown, rendered without raw HTML (news.render.ts).
 */
export const newsArticles = pgTable(
  'news_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // 'news' | 'guidance'
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    attachmentIds: uuid('attachment_ids').array().notNull().default([]),
    status: text('status').notNull().default('draft'), // 'draft' | 'published'
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('news_articles_published_idx').on(t.status, t.publishedAt)],
);

export type NewsRow = typeof newsArticles.$inferSelect;
