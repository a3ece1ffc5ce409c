import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decompressDigitalLink } from '../gs1/index.ts';
import { type Lang, Problem, pickLanguage, prefersHtml, t } from '../platform/index.ts';
import {
  Gs1Error,
  parseResolverUrl,
  primaryKeySegments,
  type ResolverRequest,
  supportedPrimaryKeys,
} from './resolver.dl.ts';
import { buildLinks, findLink, gs1Voc, normaliseLinkType } from './resolver.links.ts';
import { linksetContext, linksetDocument } from './resolver.linkset.ts';
import './resolver.messages.ts';
import { findSubject, type Subject } from './resolver.subject.ts';

const contextPath = '/.well-known/gs1resolver/linkset-context.jsonld';
const linkTypes = ['pip', 'traceability', 'epcis', 'certificationInfo', 'recallStatus', 'dpp'];

/** The pages a person's browser gets instead of JSON; the public pages supply them (the app wires the two). */
export interface ConsumerPages {
  /** The consumer page of a parsed Digital Link; `subject` null: the code is unknown here. */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    dl: ResolverRequest,
    subject: Subject | null,
  ): Promise<unknown>;
  /** The page that says a code could not be read, and why. */
  sendInvalid(request: FastifyRequest, reply: FastifyReply, reason: string): unknown;
}

export interface ResolverOptions {
  consumerPages: ConsumerPages;
}

/**
 * The GS1 Digital Link resolver (docs/resolver.md): every primary-key path (`/01/…`, `/gtin/…`, `/414/…`),
 * GET/HEAD/OPTIONS, CORS and a per-address rate limit scoped to these routes.
 */
function withoutCors(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: null, payload: unknown) => void,
) {
  for (const name of Object.keys(reply.getHeaders()))
    if (name.startsWith('access-control-')) reply.removeHeader(name);
  done(null, payload);
}

export default async function resolverRoutes(app: FastifyInstance, opts: ResolverOptions) {
  const { consumerPages } = opts;
  // @fastify/cors also adds a catch-all OPTIONS route ('*'), which would otherwise hand CORS headers to every
  // path of the program, /api included: only the resolver's own routes answer other sites. A hook on that one
  // route takes them off again, so the resolver's own answers keep the plugin's options computed once.
  app.addHook('onRoute', (route) => {
    if (route.url !== '*') return;
    const own = route.onSend ? [route.onSend].flat() : [];
    route.onSend = [...own, withoutCors];
  });
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'OPTIONS'],
    exposedHeaders: ['Link', 'Location', 'Content-Language', 'Vary'],
    preflight: false,
  });
  await app.register(rateLimit, { max: app.config.resolverRateLimit, timeWindow: '1 minute' });
  const base = () => app.config.baseUrl;

  app.get('/.well-known/gs1resolver', { schema: { hide: true } }, async () => ({
    name: `TXNG ${app.config.provinceName} — GS1 Digital Link resolver`,
    resolverRoot: base(),
    supportedPrimaryKeys,
    linkTypeDefaultCanBeLinkset: false,
    supportedLinkType: linkTypes.map((type) => ({
      namespace: gs1Voc,
      prefix: 'gs1:',
      profile: `${gs1Voc}${type}`,
    })),
    supportedContextValuesEnumerated: [],
    jsonLdContextLocation: `${base()}${contextPath}`,
    supportsCompressedDigitalLinks: true,
  }));
  app.get(contextPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/ld+json').send(linksetContext),
  );

  for (const segment of primaryKeySegments) {
    for (const url of [`/${segment}`, `/${segment}/*`]) {
      app.get(url, { schema: { hide: true } }, (request, reply) => resolve(request, reply));
      app.options(url, { schema: { hide: true } }, async (request, reply) =>
        reply
          .status(204)
          .header('allow', 'GET, HEAD, OPTIONS')
          .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
          .header(
            'access-control-allow-headers',
            String(request.headers['access-control-request-headers'] ?? 'Accept, Accept-Language'),
          )
          .header('access-control-max-age', '86400')
          // the linkset of what was asked about, as every answer names it
          .header(
            'link',
            `<${base()}${request.url.split('?')[0]}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
          )
          .send(),
      );
    }
  }

  // A compressed Digital Link is one path segment of base64url characters. Static routes (/healthz, /app …)
  // win over this parametric one; a segment that does not decompress is simply an unknown address.
  app.get('/:compressed', { schema: { hide: true } }, (request, reply) => {
    const segment = (request.params as { compressed: string }).compressed;
    let uncompressed: string;
    try {
      if (!/^[A-Za-z0-9_-]{8,}$/.test(segment)) throw new Error('not a compressed Digital Link');
      uncompressed = decompressDigitalLink(`${base()}${request.url}`);
    } catch {
      throw new Problem(404, 'route-not-found');
    }
    // served here, not redirected to the uncompressed form (GS1 resolver conformance)
    return resolve(request, reply, uncompressed.slice(base().length), true);
  });

  async function resolve(
    request: FastifyRequest,
    reply: FastifyReply,
    path = request.url,
    compressed = false,
  ) {
    const lang = pickLanguage(request.headers['accept-language']);
    let dl: ResolverRequest;
    try {
      dl = parseResolverUrl(base(), path);
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
      if (prefersHtml(request))
        return consumerPages.sendInvalid(request, reply, t(lang, err.code, err.params));
      throw new Problem(400, 'resolver.invalid-digital-link', {
        errors: [{ field: '/uri', code: err.code, params: err.params }],
      });
    }
    const sameAs = compressed ? `<${dl.uri}>; rel="owl:sameAs", ` : '';
    reply.header('vary', 'Accept, Accept-Language').header('link', sameAs + linkHeader(dl));
    const subject = await findSubject(app.db, dl);
    // gs1:defaultLink names the default link: the product information page
    const asked = dl.linkType ? normaliseLinkType(dl.linkType) : null;
    const linkType = asked === 'defaultLink' ? 'pip' : asked;
    const accept = String(request.headers.accept ?? '');
    const asLinkedData = !linkType && accept.includes('application/ld+json');
    const wantsLinkset =
      linkType === 'linkset' ||
      linkType === 'all' ||
      asLinkedData ||
      (!linkType && accept.includes('application/linkset+json'));
    if (!subject) {
      if (prefersHtml(request) && !wantsLinkset) return consumerPages.send(request, reply, dl, null);
      throw new Problem(404, 'resolver.unknown-code');
    }
    if (wantsLinkset) {
      const linkset = linksetDocument(dl.uri, subject.product.name, buildLinks(base(), dl, subject));
      // as JSON-LD, the linkset names the context that makes it linked data
      return reply
        .header('content-language', lang)
        .type(asLinkedData ? 'application/ld+json' : 'application/linkset+json')
        .send(asLinkedData ? { '@context': `${base()}${contextPath}`, ...linkset } : linkset);
    }
    // serving the page at the Digital Link itself instead of redirecting (docs/decisions/021-resolver-redirect-or-serve.md)
    if (!linkType && app.config.resolverServePage && prefersHtml(request))
      return consumerPages.send(request, reply, dl, subject);
    const explicitLanguage = request.headers['accept-language'] !== undefined;
    const link = findLink(
      base(),
      dl,
      subject,
      linkType ?? 'pip',
      lang as Lang,
      explicitLanguage && linkType !== null,
    );
    if (!link) throw new Problem(404, 'resolver.no-link-of-type', { params: { linkType: dl.linkType } });
    return reply.redirect(withQuery(link.href, dl.query), 307);
  }

  function linkHeader(dl: ResolverRequest): string {
    const linkset = `${dl.uri}${dl.uri.includes('?') ? '&' : '?'}linkType=linkset`;
    return [
      `<${linkset}>; rel="linkset"; type="application/linkset+json"`,
      `<${base()}${contextPath}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
    ].join(', ');
  }
}

/** The request's query string goes on to the target, before any fragment. */
export function withQuery(href: string, query: string): string {
  if (!query) return href;
  const hash = href.indexOf('#');
  const [head, fragment] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${head}${head.includes('?') ? '&' : '?'}${query}${fragment}`;
}
