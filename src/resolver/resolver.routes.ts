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
import {
  buildLinks,
  findLinks,
  gs1Voc,
  type Level,
  type Link,
  levelAnchor,
  normaliseLinkType,
} from './resolver.links.ts';
import { linksetContext, linksetDocument } from './resolver.linkset.ts';
import './resolver.messages.ts';
import { connectResolverAnnouncements } from './resolver.invalidation.ts';
import { findKnownAncestor, findSubject, type Subject } from './resolver.subject.ts';

const contextPath = '/.well-known/gs1resolver/linkset-context.jsonld';
const linkTypes = ['pip', 'traceability', 'epcis', 'certificationInfo', 'recallStatus', 'dpp', 'epil'];

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
  /** The page a person's browser gets for an address that is no code at all (the portal supplies it). */
  notFoundPage?(request: FastifyRequest, reply: FastifyReply): unknown;
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
  const { consumerPages, notFoundPage } = opts;
  // approvals, withdrawals and a lot's status changes tell every process's memory (decision 055)
  connectResolverAnnouncements();
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
      // a person's browser gets the portal's page in words; a program (and a GS1 client) the problem document
      if (notFoundPage && prefersHtml(request)) return notFoundPage(request, reply);
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
    const known = await findSubject(app.db, dl, app.readDb);
    // an unknown lot or serial under a published product walks up to the product's links (GS1 resolver)
    const subject = known ?? (await findKnownAncestor(app.db, dl, app.readDb));
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
    // a person scanning it sees, at once, that this lot or serial is not registered (the page of the code itself)
    if (subject.unknown && prefersHtml(request) && !wantsLinkset && !linkType)
      return consumerPages.send(request, reply, dl, null);
    if (wantsLinkset) {
      const linkset = linksetDocument(linksetEntries(dl, subject, buildLinks(base(), dl, subject), lang));
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
    const links = findLinks(
      base(),
      dl,
      subject,
      linkType ?? 'pip',
      lang as Lang,
      explicitLanguage && linkType !== null,
    );
    if (!links.length)
      throw new Problem(404, 'resolver.no-link-of-type', { params: { linkType: dl.linkType } });
    if (links.length === 1) return reply.redirect(withQuery(links[0].href, dl.query), 307);
    // several links match the request equally (two certificates, say): the client chooses among them
    // titles in Vietnamese go as RFC 8187 extended values (a header carries ASCII only)
    const offered = links.map(
      (l) => `<${l.href}>; rel="${gs1Voc}${l.type}"; title*=UTF-8''${encodeURIComponent(l.title)}`,
    );
    return reply
      .code(300)
      .header('link', [reply.getHeader('link'), ...offered].join(', '))
      .header('content-language', lang)
      .type('application/linkset+json')
      .send(linksetDocument(linksetEntries(dl, subject, links, lang)));
  }

  /** The linkset's context objects: one per level that has links, most specific first, the first at the URI asked. */
  function linksetEntries(dl: ResolverRequest, subject: Subject, links: Link[], lang: string) {
    const asked: Level = dl.serial ? 'item' : dl.lot ? 'lot' : 'product';
    const levels = [...new Set(links.map((l) => l.level))];
    return levels.map((level) => ({
      anchor: level === asked ? dl.uri : levelAnchor(base(), dl, subject, level),
      itemDescription: describeLevel(dl, subject, level, lang === 'en' ? 'en' : 'vi'),
      links: links.filter((l) => l.level === level),
    }));
  }

  function linkHeader(dl: ResolverRequest): string {
    const linkset = `${dl.uri}${dl.uri.includes('?') ? '&' : '?'}linkType=linkset`;
    return [
      `<${linkset}>; rel="linkset"; type="application/linkset+json"`,
      `<${base()}${contextPath}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
    ].join(', ');
  }
}

/** What a level is, in words: the product's name, with its lot and serial; an unregistered one says so. */
function describeLevel(dl: ResolverRequest, subject: Subject, level: Level, lang: Lang): string {
  const words =
    lang === 'en'
      ? { lot: 'lot', serial: 'serial', unknown: 'not registered' }
      : { lot: 'lô', serial: 'số sê-ri', unknown: 'không có trong hệ thống' };
  const parts = [subject.product.name];
  const lot = dl.lot ?? subject.lot?.lot;
  if (level !== 'product' && lot) parts.push(`${words.lot} ${lot}`);
  if (level === 'item' && dl.serial) parts.push(`${words.serial} ${dl.serial}`);
  const unknown =
    (subject.unknown === 'serial' && level === 'item') || (subject.unknown === 'lot' && level === 'lot');
  return `${parts.join(', ')}${unknown ? ` (${words.unknown})` : ''}`;
}

/** The request's query string goes on to the target, before any fragment. */
export function withQuery(href: string, query: string): string {
  if (!query) return href;
  const hash = href.indexOf('#');
  const [head, fragment] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${head}${head.includes('?') ? '&' : '?'}${query}${fragment}`;
}
