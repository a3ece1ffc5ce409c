import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPublishedNews, listPublishedNews, type NewsKind, renderNewsBody } from '../news/index.ts';
import { notFound, Problem, prefersHtml, readMultipart } from '../platform/index.ts';
import { Html, html, pageLanguage, safeUrl } from '../public/index.ts';
import { communeBoundariesNear, searchPublicLots } from '../registry/index.ts';
import { readsFrom } from '../resolver/index.ts';
import { answerCode, type CodeAnswer } from './portal.code.ts';
import {
  loadPortalData,
  producerDetails,
  productCards,
  type SearchKind,
  searchPortal,
  showcase,
} from './portal.data.ts';
import { link, portalCss, type Section, withLang } from './portal.layout.ts';
import {
  lotItem,
  newsItem,
  notice,
  pager,
  placesMap,
  producerTile,
  productTile,
  searchForm,
  verifyBox,
  vnDate,
} from './portal.pages.ts';
import { sendNotFoundPage, sendPortalPage } from './portal.send.ts';
import { NotAnImage, readCodeInPhoto } from './portal.verify.ts';
import { words } from './portal.words.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxPhotoBytes = 8 * 1024 * 1024;
const pageSize = 10;

/**
 * The province's public traceability portal at `/` (issue 13 §4): server-rendered HTML that needs no script,
 * showing only published data of approved organisations, and nothing about a person.
 */
export default async function portalRoutes(fastify: FastifyInstance) {
  await fastify.register(multipart, { limits: { fileSize: maxPhotoBytes, files: 1, fields: 4, parts: 5 } });
  // only the photo reader (the one costly page) is limited per address
  await fastify.register(rateLimit, { global: false });
  const app = fastify;
  // published data only: a replica may answer (DATABASE_READ_URL), except just after a change (readsFrom)
  const read = () => readsFrom(app.db, app.readDb);
  // an address nothing answers (of two or more segments: one segment is the resolver's, which hands a browser
  // the same page): a person's browser gets a page in words with a way home, a program the problem document
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (!prefersHtml(request)) throw notFound('route-not-found');
    return sendNotFoundPage(request, reply);
  });

  app.get('/portal.css', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(portalCss),
  );

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const w = words(lang);
    const data = await loadPortalData(read());
    const [shown, news, guidance] = await Promise.all([
      showcase(read(), data),
      listPublishedNews(read(), app.config, { kind: 'news', page: 1, pageSize: 3 }),
      listPublishedNews(read(), app.config, { kind: 'guidance', page: 1, pageSize: 3 }),
    ]);
    const hero = html`<div class="hero"><div class="in"><h1>${w.heroTitle}</h1><p>${w.heroText}</p>${searchForm(lang, '', 'q-home')}</div></div>`;
    const body = html`${verifyBox(lang)}
<section class="card"><h2>${w.showcaseTitle}</h2>${shown.length ? html`<div class="grid three">${shown.slice(0, 9).map((p) => productTile(lang, p))}</div>` : html`<p class="muted">${w.showcaseEmpty}</p>`}</section>
<div class="cols"><section class="card"><h2>${w.newsTitle}</h2>${news.items.length ? html`<ul class="plain">${news.items.map((n) => newsItem(lang, n))}</ul><p><a href="${link(lang, '/tin-tuc')}">${w.allNews} →</a></p>` : html`<p class="muted">${w.newsEmpty}</p>`}</section>
<section class="card"><h2>${w.guidanceTitle}</h2>${guidance.items.length ? html`<ul class="plain">${guidance.items.map((n) => newsItem(lang, n))}</ul><p><a href="${link(lang, '/huong-dan')}">${w.allGuidance} →</a></p>` : html`<p class="muted">${w.guidanceEmpty}</p>`}</section></div>
<section class="card"><h2>${w.mapTitle}</h2>${placesMap(lang, data.catalogue.places, data.organisationById, communeBoundariesNear)}</section>
<section class="card"><h2>${w.joinTitle}</h2><p>${w.joinShort}</p><p><a class="btn" href="/app/register">${w.joinRegister}</a> <a class="btn ghost" href="${link(lang, '/tham-gia')}">${w.joinLink}</a></p></section>`;
    return sendPortalPage(request, reply, {
      title: w.portalName,
      section: 'home',
      hero,
      body,
      description: w.heroText,
    });
  });

  app.get('/tim-kiem', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const w = words(lang);
    const query = request.query as Record<string, string | undefined>;
    const q = String(query.q ?? '')
      .slice(0, 200)
      .trim();
    const tab = (['products', 'producers', 'lots'] as const).includes(query.tab as SearchKind)
      ? (query.tab as SearchKind)
      : null;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1));
    if (!q)
      return sendPortalPage(request, reply, {
        title: w.navSearch,
        section: 'search',
        body: html`<h1>${w.navSearch}</h1><section class="card">${searchForm(lang)}<p class="muted">${w.searchAsk}</p></section>`,
      });
    const data = await loadPortalData(read());
    const found = await searchPortal(read(), data, q);
    const total = found.products.length + found.producers.length + found.lots.length;
    const tabs: [SearchKind | null, string, number][] = [
      [null, w.tabAll, total],
      ['products', w.tabProducts, found.products.length],
      ['producers', w.tabProducers, found.producers.length],
      ['lots', w.tabLots, found.lots.length],
    ];
    const tabHref = (t: SearchKind | null) => {
      const p = new URLSearchParams({
        q,
        ...(t ? { tab: t } : {}),
        ...(lang === 'en' ? { lang: 'en' } : {}),
      });
      return `/tim-kiem?${p.toString()}`;
    };
    const countOf = (n: Map<string, number>, id: string) => n.get(id) ?? 0;
    const productsBy = new Map<string, number>();
    for (const p of data.catalogue.products)
      productsBy.set(p.organisationId, (productsBy.get(p.organisationId) ?? 0) + 1);
    const productList = async (items: typeof found.products) =>
      html`<div class="grid">${(await productCards(read(), data, items)).map((p) => productTile(lang, p))}</div>`;
    const producerList = (items: typeof found.producers) =>
      html`<div class="grid">${items.map((o) => producerTile(lang, o, countOf(productsBy, o.id)))}</div>`;
    const lotList = (items: typeof found.lots) =>
      html`<ul class="plain">${items.map((l) => lotItem(lang, l))}</ul>`;
    let results: Html;
    if (!total) results = notice(w.resultsFor(q), w.searchEmpty);
    else if (!tab) {
      const part = async (kind: SearchKind, title: string, n: number, list: Html) =>
        n
          ? html`<section class="card"><h2>${title} (${n})</h2>${list}${n > 4 ? html`<p><a href="${tabHref(kind)}">${w.resultsCount(n)} →</a></p>` : ''}</section>`
          : '';
      results = html`${await part('products', w.products, found.products.length, await productList(found.products.slice(0, 4)))}${await part('producers', w.producers, found.producers.length, producerList(found.producers.slice(0, 4)))}${await part('lots', w.lots, found.lots.length, lotList(found.lots.slice(0, 4)))}`;
    } else {
      const all = found[tab];
      const pages = Math.max(1, Math.ceil(all.length / pageSize));
      const at = Math.min(page, pages);
      const slice = all.slice((at - 1) * pageSize, at * pageSize) as never[];
      const list =
        tab === 'products'
          ? await productList(slice)
          : tab === 'producers'
            ? producerList(slice)
            : lotList(slice);
      results = all.length
        ? html`<section class="card">${list}</section>${pager(lang, '/tim-kiem', { q, tab }, at, pages)}`
        : notice(w.resultsFor(q), w.searchEmpty);
    }
    return sendPortalPage(request, reply, {
      title: w.resultsFor(q),
      section: 'search',
      body: html`<h1>${w.resultsFor(q)}</h1>${searchForm(lang, q)}<p class="muted">${w.resultsCount(total)}</p><nav class="tabs">${tabs.map(([t, label, n]) => html`<a href="${tabHref(t)}"${t === tab ? html` aria-current="page"` : ''}>${label} (${n})</a>`)}</nav>${results}`,
    });
  });

  app.get('/san-pham/:id', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const w = words(lang);
    const { id } = request.params as { id: string };
    if (!uuid.test(id)) return sendNotFoundPage(request, reply);
    const data = await loadPortalData(read());
    const product = data.productById.get(id);
    if (!product) return sendNotFoundPage(request, reply);
    const [card] = await productCards(read(), data, [product]);
    const lots = (await searchPublicLots(read(), product.gtin, 20)).filter((l) => l.productId === product.id);
    const producer = card.producer;
    const images = product.images.map(safeUrl).filter((u): u is string => !!u);
    const net =
      product.netQuantity !== null ? `${product.netQuantity} ${product.netQuantityUnit ?? ''}`.trim() : null;
    const facts: [string, string | null][] = [
      [w.gtin, product.gtin],
      [w.brand, product.brand],
      [w.group, product.productGroup],
      [w.net, net],
      [w.standards, product.appliedStandards.join(', ') || null],
      [w.gi, product.geographicalIndication],
      [w.mark, product.certificationMark],
    ];
    const body = html`<p class="muted"><a href="${link(lang, '/')}">${w.navHome}</a> › ${w.products}</p>
<article class="card"><h1>${product.name}</h1><p>${card.ocop ? html`<span class="tag ocop">★ ${w.ocopStars(card.ocop)}</span>` : ''}${card.specialty ? html`<span class="tag spec">${w.specialty}</span>` : ''}${card.lists.map((l) => html`<span class="tag">${l}</span>`)}<span class="tag">✓ ${w.verified}</span></p>
${images.length ? html`<div class="imgs">${images.map((src) => html`<img src="${src}" alt="${product.name}">`)}</div>` : ''}
${product.description ? html`<p>${product.description}</p>` : ''}
<dl class="facts">${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p><a class="btn alt" href="${lang === 'en' ? withLang(`/page/01/${product.gtin}`, 'en') : `/page/01/${product.gtin}`}">${w.seeOnPage}</a></p></article>
<section class="card"><h2>${w.producer}</h2>${producerTile(lang, producer)}</section>
${lots.length ? html`<section class="card"><h2>${w.lots}</h2><ul class="plain">${lots.map((l) => lotItem(lang, { ...l, product, producer }))}</ul></section>` : ''}`;
    return sendPortalPage(request, reply, {
      title: product.name,
      section: 'search',
      body,
      description: product.description ?? undefined,
    });
  });

  app.get('/nha-san-xuat/:id', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const w = words(lang);
    const { id } = request.params as { id: string };
    if (!uuid.test(id)) return sendNotFoundPage(request, reply);
    const data = await loadPortalData(read());
    const producer = data.organisationById.get(id);
    if (!producer) return sendNotFoundPage(request, reply);
    const details = await producerDetails(read(), id);
    const products = await productCards(
      read(),
      data,
      data.catalogue.products.filter((p) => p.organisationId === id),
    );
    const places = data.catalogue.places.filter((p) => p.organisationId === id);
    const groups = [...new Set(products.map((p) => p.productGroup ?? p.name))];
    const certificates = details?.certificates ?? [];
    const body = html`<p class="muted"><a href="${link(lang, '/')}">${w.navHome}</a> › ${w.producers}</p>
<article class="card"><h1>${producer.name}</h1><p><span class="tag">${w.type[producer.type] ?? producer.type}</span><span class="tag">${w.sector[producer.sector] ?? producer.sector}</span><span class="tag">✓ ${w.verified}</span></p>
<dl class="facts">${producer.communeName ? html`<dt>${w.commune}</dt><dd>${producer.communeName}</dd>` : ''}${groups.length ? html`<dt>${w.makes}</dt><dd>${groups.join(', ')}</dd>` : ''}</dl></article>
<section class="card"><h2>${w.products} (${products.length})</h2>${products.length ? html`<div class="grid">${products.map((p) => productTile(lang, p, producer.name))}</div>` : html`<p class="muted">${w.noProducts}</p>`}</section>
<section class="card"><h2>${w.certificates}</h2>${certificates.length ? html`<ul class="plain">${certificates.map((c) => html`<li><strong>${w.certKind[c.kind] ?? c.kind}</strong> — ${c.number}<br><span class="muted">${c.issuer}${c.validTo ? html` · ${w.validTo} ${vnDate(c.validTo)}` : ''}</span></li>`)}</ul>` : html`<p class="muted">${w.noCertificates}</p>`}</section>
${places.length ? html`<section class="card"><h2>${w.places}</h2>${placesMap(lang, places, data.organisationById, communeBoundariesNear)}${places.some((p) => p.growingAreaCode) ? html`<dl class="facts">${places.filter((p) => p.growingAreaCode).map((p) => html`<dt>${w.areaCode}</dt><dd>${p.growingAreaCode} — ${p.name}</dd>`)}</dl>` : ''}</section>` : ''}`;
    return sendPortalPage(request, reply, { title: producer.name, section: 'search', body });
  });

  const newsList =
    (kind: NewsKind, section: Section) => async (request: FastifyRequest, reply: FastifyReply) => {
      const lang = pageLanguage(request);
      const w = words(lang);
      const query = request.query as Record<string, string | undefined>;
      const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1));
      const { items, total } = await listPublishedNews(read(), app.config, { kind, page, pageSize });
      const pages = Math.max(1, Math.ceil(total / pageSize));
      const title = kind === 'news' ? w.navNews : w.guidanceTitle;
      const extra =
        kind === 'guidance' ? html`<p><a href="${link(lang, '/tham-gia')}">${w.joinLink} →</a></p>` : '';
      return sendPortalPage(request, reply, {
        title,
        section,
        body: html`<h1>${title}</h1><section class="card">${items.length ? html`<ul class="plain">${items.map((n) => newsItem(lang, n))}</ul>` : html`<p class="muted">${kind === 'news' ? w.newsEmpty : w.guidanceEmpty}</p>`}</section>${pager(lang, kind === 'news' ? '/tin-tuc' : '/huong-dan', {}, Math.min(page, pages), pages)}${extra}`,
      });
    };
  const newsPage = (section: Section) => async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = pageLanguage(request);
    const w = words(lang);
    const { slug } = request.params as { slug: string };
    const item = slug.length <= 120 ? await getPublishedNews(read(), app.config, slug) : null;
    const wanted: NewsKind = section === 'guidance' ? 'guidance' : 'news';
    if (!item || item.kind !== wanted) return sendNotFoundPage(request, reply);
    const back =
      wanted === 'news'
        ? html`<a href="${link(lang, '/tin-tuc')}">${w.backNews}</a>`
        : html`<a href="${link(lang, '/huong-dan')}">${w.backGuidance}</a>`;
    return sendPortalPage(request, reply, {
      title: item.title,
      section,
      description: item.summary || undefined,
      body: html`<p class="muted">${back}</p><article class="card"><h1>${item.title}</h1><p class="muted">${w.published}: ${vnDate(item.publishedAt)}</p>${item.summary ? html`<p><strong>${item.summary}</strong></p>` : ''}<div class="prose">${new Html(renderNewsBody(item.body))}</div>${item.attachments.length ? html`<h2>${w.attachments}</h2><ul class="plain">${item.attachments.map((a) => html`<li><a href="${a.url}">${a.name ?? a.url}</a> <span class="muted">(${a.kind === 'pdf' ? 'PDF' : 'ảnh'}, ${Math.max(1, Math.round(a.byteSize / 1024))} KB)</span></li>`)}</ul>` : ''}</article>`,
    });
  };
  app.get('/tin-tuc', { schema: { hide: true } }, newsList('news', 'news'));
  app.get('/huong-dan', { schema: { hide: true } }, newsList('guidance', 'guidance'));
  app.get('/tin-tuc/:slug', { schema: { hide: true } }, newsPage('news'));
  app.get('/huong-dan/:slug', { schema: { hide: true } }, newsPage('guidance'));

  app.get('/tham-gia', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const w = words(lang);
    const { items } = await listPublishedNews(read(), app.config, { kind: 'guidance', page: 1, pageSize: 5 });
    return sendPortalPage(request, reply, {
      title: w.joinTitle,
      section: 'join',
      body: html`<h1>${w.joinTitle}</h1><section class="card"><p>${w.joinShort}</p><ol class="steps">${w.joinSteps.map(([t, d]) => html`<li><h3>${t}</h3><p class="muted">${d}</p></li>`)}</ol><p><a class="btn" href="/app/register">${w.joinRegister}</a> <a class="btn ghost" href="/app/">${w.joinSignIn}</a></p></section>${items.length ? html`<section class="card"><h2>${w.joinGuidance}</h2><ul class="plain">${items.map((n) => newsItem(lang, n))}</ul></section>` : ''}`,
    });
  });

  async function answer(request: FastifyRequest, reply: FastifyReply, result: CodeAnswer, typed: string) {
    const lang = pageLanguage(request);
    const w = words(lang);
    if (result.kind === 'go')
      return reply.redirect(lang === 'en' ? withLang(result.to, 'en') : result.to, 303);
    const page = (status: number, title: string, text: string, extra: Html | string = '') =>
      sendPortalPage(request, reply, {
        status,
        title,
        section: null,
        cache: false,
        body: html`${notice(title, text, false, extra)}${verifyBox(lang, typed)}<p><a href="${link(lang, '/')}">${w.backHome}</a></p>`,
      });
    const unknownText = {
      product: w.verifyUnknownText,
      lot: w.verifyUnknownLot,
      stamp: w.verifyUnknownStamp,
    };
    switch (result.kind) {
      case 'empty':
        return page(400, w.verifyTitle, w.verifyEmpty);
      case 'bad':
        return page(400, w.verifyBadTitle, w.verifyBadText);
      case 'unknown':
        return page(404, w.verifyUnknownTitle, unknownText[result.what](result.code));
      case 'not-gs1':
        return page(422, w.notGs1Title, w.notGs1Text);
      case 'foreign': {
        const known = result.productId
          ? html`<p>${w.foreignKnown} <a href="${link(lang, `/san-pham/${result.productId}`)}">${w.seeOnPage}</a></p>`
          : '';
        return page(422, w.foreignTitle, w.foreignText(result.host), known);
      }
    }
  }

  app.get('/kiem-tra', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const typed = String(query.ma ?? '').slice(0, 500);
    const data = await loadPortalData(read());
    return answer(request, reply, await answerCode(read(), typed, app.config.baseUrl, data), typed);
  });

  app.post(
    '/kiem-tra/anh',
    { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const lang = pageLanguage(request);
      const w = words(lang);
      const fail = (status: number, text: string) =>
        sendPortalPage(request, reply, {
          status,
          title: w.verifyBadTitle,
          section: null,
          cache: false,
          body: html`${notice(w.verifyBadTitle, text)}${verifyBox(lang)}<p><a href="${link(lang, '/')}">${w.backHome}</a></p>`,
        });
      if (!request.isMultipart()) return fail(415, w.photoMissing);
      let bytes: Buffer | null = null;
      try {
        const part = await readMultipart(
          () => request.file(),
          () => new Problem(413, 'files-too-large'),
        );
        if (part)
          bytes = await readMultipart(
            () => part.toBuffer(),
            () => new Problem(413, 'files-too-large'),
          );
      } catch (err) {
        if (err instanceof Problem && err.status === 413) return fail(413, w.photoTooBig);
        if (err instanceof Problem) return fail(400, w.photoMissing);
        throw err;
      }
      if (!bytes?.length) return fail(400, w.photoMissing);
      let text: string | null;
      try {
        text = await readCodeInPhoto(bytes);
      } catch (err) {
        if (err instanceof NotAnImage) return fail(415, w.photoNotImage);
        throw err;
      }
      if (!text) return fail(422, w.photoNoCode);
      const data = await loadPortalData(read());
      return answer(
        request,
        reply,
        await answerCode(read(), text, app.config.baseUrl, data),
        text.slice(0, 500),
      );
    },
  );
}
