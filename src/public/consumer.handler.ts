import type { FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../platform/index.ts';
import type { ResolverRequest, Subject } from '../resolver/index.ts';
import { noteUnknownStamp } from '../stamps/index.ts';
import { buildConsumerView, unknownView } from './consumer.data.ts';
import { renderConsumerPageBytes } from './consumer.page.ts';
import { renderMessagePage } from './message.page.ts';
import { pageLanguage } from './negotiate.ts';

/**
 * Sends the consumer page for a parsed Digital Link: 200 with the verdict, or 404 when the code is unknown
 * (the page then says so plainly and offers the report form). Pages are personal (scan counts), never cached.
 */
export async function sendConsumerPage(
  request: FastifyRequest,
  reply: FastifyReply,
  dl: ResolverRequest,
  subject: Subject | null,
) {
  const app = request.server;
  const lang = pageLanguage(request);
  const view = subject
    ? await buildConsumerView(app.db, dl, subject, { ip: request.ip }, app.config.scan, app.readDb)
    : unknownView(dl, app.config.scan);
  // a person met an unknown stamp: a serial never issued or a wrong secret is evidence for the department
  if (!subject && dl.gtin && dl.serial !== null)
    await noteUnknownStamp(app.db, { gtin: dl.gtin, serial: dl.serial, secret: dl.dl.otherParams.s ?? null });
  const query = (request.query ?? {}) as Record<string, unknown>;
  const page = renderConsumerPageBytes(view, {
    lang,
    province: app.config.provinceName,
    selfPath: request.url,
    reported: query.reported === '1',
  });
  return reply
    .status(subject ? 200 : 404)
    .header('content-language', lang)
    .header('cache-control', 'no-store')
    .header('vary', 'Accept, Accept-Language')
    .type('text/html; charset=utf-8')
    .send(page);
}

export function sendInvalidCodePage(request: FastifyRequest, reply: FastifyReply, reason: string) {
  const lang = pageLanguage(request);
  return reply
    .status(400)
    .header('content-language', lang)
    .type('text/html; charset=utf-8')
    .send(
      renderMessagePage({
        lang,
        province: request.server.config.provinceName,
        selfPath: request.url,
        title: t(lang, 'public.badTitle'),
        text: t(lang, 'public.badBody', { reason }),
      }),
    );
}
