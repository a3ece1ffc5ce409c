import type { NewsView } from '../news/index.ts';
import type { Lang } from '../platform/index.ts';
import { Html, html, renderMapSvg, safeUrl } from '../public/index.ts';
import type { CommuneBoundary, PublicOrganisation, PublicPlace, PublicProduct } from '../registry/index.ts';
import type { LotCard, ProductCard } from './portal.data.ts';
import { link, withLang } from './portal.layout.ts';
import { type Words, words } from './portal.words.ts';

type Boundaries = (box: [number, number, number, number]) => CommuneBoundary[];

/** A date as people read it in Viet Nam: dd/mm/yyyy, in Vietnam time. */
export function vnDate(value: string | Date | null): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(value));
  return parts;
}

const initial = (name: string) =>
  name.replace(/^(Hợp tác xã|Hộ kinh doanh|Công ty( TNHH| cổ phần)?)\s+/i, '').charAt(0);

export function productTile(
  lang: Lang,
  p: PublicProduct & Partial<ProductCard>,
  producerName?: string,
): Html {
  const w = words(lang);
  const img = safeUrl(p.images[0]);
  return html`<a class="tile" href="${link(lang, `/san-pham/${p.id}`)}">${img ? html`<img src="${img}" alt="" loading="lazy">` : html`<span class="ph" aria-hidden="true">${initial(p.name)}</span>`}<span><h3>${p.name}</h3><p class="muted">${producerName ?? p.producer?.name ?? ''}</p><p>${p.ocop ? html`<span class="tag ocop">★ ${w.ocopStars(p.ocop)}</span>` : ''}${p.specialty ? html`<span class="tag spec">${w.specialty}</span>` : ''}${p.geographicalIndication ? html`<span class="tag">${w.gi}</span>` : ''}</p></span></a>`;
}

export function producerTile(lang: Lang, o: PublicOrganisation, count?: number): Html {
  const w = words(lang);
  return html`<a class="tile" href="${link(lang, `/nha-san-xuat/${o.id}`)}"><span class="ph" aria-hidden="true">${initial(o.name)}</span><span><h3>${o.name}</h3><p class="muted">${[w.type[o.type] ?? '', o.communeName].filter(Boolean).join(' · ')}</p>${count !== undefined ? html`<p class="muted">${w.products}: ${count}</p>` : ''}</span></a>`;
}

const lotPage = (l: { gtin: string; lot: string }) => `/page/01/${l.gtin}/10/${encodeURIComponent(l.lot)}`;

export function lotItem(lang: Lang, l: LotCard): Html {
  const w = words(lang);
  return html`<li><a href="${withLangIf(lang, lotPage(l))}"><strong>${w.lot} ${l.lot}</strong></a> — ${l.product.name}<br><span class="muted">${l.producer.name}${l.productionDate ? html` · ${w.produced}: ${vnDate(l.productionDate)}` : ''}</span>${lotStatus(w, l.status)}</li>`;
}

const withLangIf = (lang: Lang, path: string) => (lang === 'en' ? withLang(path, 'en') : path);

function lotStatus(w: Words, status: string): Html | string {
  if (status === 'recalled') return html` <span class="tag warn">${w.recalled}</span>`;
  if (status === 'on_hold') return html` <span class="tag warn">${w.onHold}</span>`;
  return '';
}

export function newsItem(lang: Lang, n: NewsView): Html {
  const base = n.kind === 'guidance' ? '/huong-dan' : '/tin-tuc';
  return html`<li><a href="${link(lang, `${base}/${n.slug}`)}"><strong>${n.title}</strong></a><br><span class="muted">${vnDate(n.publishedAt)}</span>${n.summary ? html`<br>${n.summary}` : ''}</li>`;
}

export function searchForm(lang: Lang, q = '', id = 'q'): Html {
  const w = words(lang);
  return html`<form class="search" action="/tim-kiem" method="get" role="search"><label class="skip" for="${id}">${w.searchLabel}</label><input type="search" id="${id}" name="q" value="${q}" placeholder="${w.searchPlaceholder}" autocomplete="off" maxlength="200">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${w.searchButton}</button></form>`;
}

export function verifyBox(lang: Lang, value = ''): Html {
  const w = words(lang);
  const hiddenLang = lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : '';
  return html`<section class="card" id="kiem-tra"><h2>${w.verifyTitle}</h2><p class="muted">${w.verifyText}</p><form action="/kiem-tra" method="get"><label for="ma">${w.verifyLabel}</label><div class="search"><input type="text" id="ma" name="ma" value="${value}" inputmode="text" placeholder="${w.verifyPlaceholder}" maxlength="500" autocomplete="off">${hiddenLang}<button type="submit" class="alt btn">${w.verifyButton}</button></div></form><form action="/kiem-tra/anh${lang === 'en' ? '?lang=en' : ''}" method="post" enctype="multipart/form-data"><label for="anh">${w.photoLabel}</label><input type="file" id="anh" name="anh" accept="image/*" capture="environment"> <button type="submit" class="btn ghost">${w.photoButton}</button></form></section>`;
}

/** The map of public places: growing areas and production sites, numbered, with a legend naming each and its producer. */
export function placesMap(
  lang: Lang,
  places: PublicPlace[],
  organisations: Map<string, PublicOrganisation>,
  boundaries: Boundaries,
  limit = 25,
): Html {
  const w = words(lang);
  const drawn = places
    .filter((p) => (p.latitude !== null && p.longitude !== null) || p.polygon)
    .slice(0, limit);
  const more =
    places.filter((p) => (p.latitude !== null && p.longitude !== null) || p.polygon).length - drawn.length;
  const svg = renderMapSvg(drawn, w.mapTitle, boundaries, { route: false });
  if (!svg) return html`<p class="muted">${w.mapEmpty}</p>`;
  return html`<div class="mapwrap">${new Html(svg)}<div><ol class="legend">${drawn.map((p) => {
    const o = organisations.get(p.organisationId);
    return html`<li>${p.name}${p.areaHectares ? html` (${p.areaHectares} ${w.hectares})` : ''}${o ? html` — <a href="${link(lang, `/nha-san-xuat/${o.id}`)}">${o.name}</a>` : ''}</li>`;
  })}</ol>${more > 0 ? html`<p class="muted">${w.mapMore(more)}</p>` : ''}</div></div>`;
}

export function pager(
  lang: Lang,
  base: string,
  params: Record<string, string>,
  page: number,
  pages: number,
): Html | string {
  if (pages <= 1) return '';
  const w = words(lang);
  const at = (p: number) => {
    const q = new URLSearchParams({ ...params, ...(lang === 'en' ? { lang: 'en' } : {}), page: String(p) });
    return `${base}?${q.toString()}`;
  };
  return html`<nav class="pager" aria-label="${w.pageOf(page, pages)}">${page > 1 ? html`<a class="btn ghost" href="${at(page - 1)}" rel="prev">${w.prev}</a>` : html`<span></span>`}<span class="muted">${w.pageOf(page, pages)}</span>${page < pages ? html`<a class="btn ghost" href="${at(page + 1)}" rel="next">${w.next}</a>` : html`<span></span>`}</nav>`;
}

export function notice(title: string, text: string, ok = false, extra: Html | string = ''): Html {
  return html`<div class="notice${ok ? ' ok' : ''}" role="status"><strong>${title}</strong><p>${text}</p>${extra}</div>`;
}
