import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Html, html, pageLanguage } from '../public/index.ts';
import { link, portalPage, type Section } from './portal.layout.ts';
import { notice, searchForm } from './portal.pages.ts';
import { words } from './portal.words.ts';

export interface PortalPage {
  title: string;
  section: Section;
  body: Html;
  hero?: Html;
  status?: number;
  description?: string;
  cache?: boolean;
}

/** One page of the portal, in the reader's language, cached a minute unless it answers one person. */
export function sendPortalPage(request: FastifyRequest, reply: FastifyReply, opts: PortalPage) {
  const lang = pageLanguage(request);
  return reply
    .status(opts.status ?? 200)
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .header('cache-control', opts.cache === false ? 'no-store' : 'public, max-age=60')
    .type('text/html; charset=utf-8')
    .send(
      portalPage({
        lang,
        province: request.server.config.provinceName,
        title: opts.title,
        path: request.url,
        section: opts.section,
        body: opts.body,
        hero: opts.hero,
        description: opts.description,
      }),
    );
}

/** The page of an address nothing answers: 404 in words, the search box and the way home. */
export function sendNotFoundPage(request: FastifyRequest, reply: FastifyReply) {
  const lang = pageLanguage(request);
  const w = words(lang);
  return sendPortalPage(request, reply, {
    status: 404,
    title: w.notFoundTitle,
    section: null,
    cache: false,
    body: html`${notice(w.notFoundTitle, w.notFoundText)}<section class="card">${searchForm(lang)}</section><p><a href="${link(lang, '/')}">${w.backHome}</a></p>`,
  });
}
