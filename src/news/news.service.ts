import { recordAudit } from '../audit/index.ts';
import { departmentFilesOwner, describeFilesOf, uploadFile } from '../files/index.ts';
import {
  type Actor,
  badRequest,
  type Config,
  type Db,
  type DbOrTx,
  forbidden,
  notFound,
} from '../platform/index.ts';
import type { NewsInput, NewsKind, NewsListQuery, NewsPatch, NewsView } from './news.api.ts';
import { mayEditNews } from './news.policy.ts';
import * as repo from './news.repo.ts';
import type { NewsRow } from './news.schema.ts';
import './news.messages.ts';

/** A web address part from a title: Vietnamese letters without their marks, words joined by hyphens. */
export function slugOf(title: string): string {
  const plain = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain.slice(0, 80).replace(/-+$/, '') || 'bai-viet';
}

async function freeSlug(db: DbOrTx, title: string): Promise<string> {
  const base = slugOf(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugTaken(db, slug))) return slug;
  }
}

function must(actor: Actor) {
  if (!mayEditNews(actor)) throw forbidden();
}

async function checkAttachments(db: DbOrTx, config: Config, ids: string[]) {
  if (!ids.length) return;
  const found = new Set((await describeFilesOf(db, config, ids, departmentFilesOwner)).map((f) => f.id));
  const errors = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `/body/attachmentIds/${i}`, code: 'news.attachmentUnknown' }],
  );
  if (errors.length) throw badRequest(errors);
}

export async function presentNews(db: DbOrTx, config: Config, row: NewsRow): Promise<NewsView> {
  const files = await describeFilesOf(db, config, row.attachmentIds, departmentFilesOwner);
  const byId = new Map(files.map((f) => [f.id, f]));
  return {
    id: row.id,
    kind: row.kind as NewsKind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    attachments: row.attachmentIds.flatMap((id) => {
      const f = byId.get(id);
      return f
        ? [
            {
              id: f.id,
              name: f.originalName,
              kind: f.kind,
              mediaType: f.mediaType,
              byteSize: f.byteSize,
              url: `/files/${f.id}`,
            },
          ]
        : [];
    }),
    status: row.status === 'published' ? 'published' : 'draft',
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createNews(db: Db, config: Config, actor: Actor, input: NewsInput): Promise<NewsView> {
  must(actor);
  await checkAttachments(db, config, input.attachmentIds);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertNews(tx, {
      ...input,
      slug: await freeSlug(tx, input.title),
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'news',
      entityId: created.id,
      organisationId: null,
      after: { kind: created.kind, title: created.title, status: created.status },
    });
    return created;
  });
  return presentNews(db, config, row);
}

export async function updateNewsItem(
  db: Db,
  config: Config,
  actor: Actor,
  id: string,
  patch: NewsPatch,
): Promise<NewsView> {
  must(actor);
  if (patch.attachmentIds) await checkAttachments(db, config, patch.attachmentIds);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findNews(tx, id);
    if (!before) throw notFound('news.not-found');
    const after = await repo.updateNews(tx, id, patch);
    if (!after) throw notFound('news.not-found');
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'news',
      entityId: id,
      organisationId: null,
      before: { title: before.title, summary: before.summary, kind: before.kind },
      after: { title: after.title, summary: after.summary, kind: after.kind },
    });
    return after;
  });
  return presentNews(db, config, row);
}

export async function setNewsPublished(
  db: Db,
  config: Config,
  actor: Actor,
  id: string,
  published: boolean,
  at?: string,
): Promise<NewsView> {
  must(actor);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findNews(tx, id);
    if (!before) throw notFound('news.not-found');
    const after = await repo.updateNews(
      tx,
      id,
      published
        ? { status: 'published', publishedAt: at ? new Date(at) : (before.publishedAt ?? new Date()) }
        : { status: 'draft' },
    );
    if (!after) throw notFound('news.not-found');
    await recordAudit(tx, {
      actor,
      action: published ? 'publish' : 'unpublish',
      entityType: 'news',
      entityId: id,
      organisationId: null,
      before: { status: before.status },
      after: { status: after.status, publishedAt: after.publishedAt?.toISOString() ?? null },
    });
    return after;
  });
  return presentNews(db, config, row);
}

export async function getNewsItem(db: DbOrTx, config: Config, actor: Actor, id: string): Promise<NewsView> {
  must(actor);
  const row = await repo.findNews(db, id);
  if (!row) throw notFound('news.not-found');
  return presentNews(db, config, row);
}

export async function listNewsItems(db: DbOrTx, config: Config, actor: Actor, query: NewsListQuery) {
  must(actor);
  const { rows, total } = await repo.listNews(db, query);
  return {
    items: await Promise.all(rows.map((r) => presentNews(db, config, r))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** What the portal shows: published items only, newest first. */
export async function listPublishedNews(
  db: DbOrTx,
  config: Config,
  query: { kind?: NewsKind; page: number; pageSize: number; q?: string },
) {
  const { rows, total } = await repo.listNews(db, { ...query, publishedOnly: true });
  return { items: await Promise.all(rows.map((r) => presentNews(db, config, r))), total };
}

export async function getPublishedNews(db: DbOrTx, config: Config, slug: string): Promise<NewsView | null> {
  const row = await repo.findPublishedBySlug(db, slug);
  return row ? presentNews(db, config, row) : null;
}

/** Stores an attachment (an image or a PDF) as one of the department's files. */
export async function uploadNewsAttachment(
  db: Db,
  actor: Actor,
  upload: { bytes: Buffer; fileName: string | null },
) {
  must(actor);
  return uploadFile(db, actor, departmentFilesOwner, upload);
}
