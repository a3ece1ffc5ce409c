import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Gs1Error, parseDigitalLink } from '../gs1/index.ts';
import { Problem, prefersHtml } from '../platform/index.ts';
import { pageLanguage } from '../public/index.ts';
import { hubCodeMissingPage, hubCopyPage } from './hub-copy.page.ts';
import { type CodeAsked, findHubCopy } from './hub-copy.service.ts';
import { provinceAnswers } from './province-probe.ts';

/**
 * Any province's stamp at the hub (issue 14 §3): a Digital Link of a product some province sent is redirected
 * (307, path and query kept) to that province's own resolver when it answers a quick probe; when it does not,
 * the hub serves its copy, saying so and as of when. Decision 053.
 */
export async function resolveRoutes(app: FastifyInstance) {
  for (const url of ['/01/*', '/gtin/*'])
    app.get(url, { schema: { hide: true } }, (request, reply) => resolve(app, request, reply));
}

function parse(baseUrl: string, url: string): CodeAsked {
  const dl = parseDigitalLink(`${baseUrl}${url}`);
  return {
    gtin: dl.primaryKey.value,
    lot: dl.qualifiers.find((a) => a.ai === '10')?.value ?? null,
    serial: dl.qualifiers.find((a) => a.ai === '21')?.value ?? null,
  };
}

async function resolve(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const html = prefersHtml(request);
  const lang = pageLanguage(request);
  reply.header('vary', 'Accept, Accept-Language');
  let code: CodeAsked;
  try {
    code = parse(app.config.baseUrl, request.url);
  } catch (err) {
    if (!(err instanceof Gs1Error)) throw err;
    if (html)
      return reply
        .status(400)
        .type('text/html')
        .send(hubCodeMissingPage(lang, request.url, true));
    throw new Problem(400, 'hub.invalid-digital-link', {
      errors: [{ field: '/uri', code: err.code, params: err.params }],
    });
  }
  const copy = await findHubCopy(app.db, code);
  if (!copy) {
    if (html)
      return reply
        .status(404)
        .type('text/html')
        .send(hubCodeMissingPage(lang, request.url, false));
    throw new Problem(404, 'hub.unknown-code');
  }
  if (!copy.node.revokedAt && (await provinceAnswers(copy.node.baseUrl)))
    return reply.header('cache-control', 'no-store').redirect(`${copy.node.baseUrl}${request.url}`, 307);
  // the copy changes as deliveries arrive and the province comes back: a cache must not keep it
  reply.header('cache-control', 'no-store');
  if (html) return reply.type('text/html').send(hubCopyPage(copy, lang, request.url));
  return {
    source: 'hub-copy',
    asOf: copy.asOf.toISOString(),
    province: { code: copy.node.provinceCode, name: copy.node.name, baseUrl: copy.node.baseUrl },
    product: copy.product && { withdrawn: copy.product.withdrawn, ...copy.product.payload },
    lot: copy.lot && { withdrawn: copy.lot.withdrawn, ...copy.lot.payload },
    stamp: copy.stamp && { withdrawn: copy.stamp.withdrawn, ...copy.stamp.payload },
    producer: copy.producer?.payload ?? null,
    events: copy.events.map((e) => e.payload),
  };
}
