import type { Lang } from '../platform/index.ts';
import { levelUri, type ResolverRequest } from './resolver.dl.ts';
import type { Subject } from './resolver.subject.ts';

export const gs1Voc = 'https://gs1.org/voc/';

export interface Link {
  /** Link type without namespace, e.g. `pip`; the linkset names it `https://gs1.org/voc/pip`. */
  type: string;
  href: string;
  title: string;
  /** IANA media type, when known (a certificate file's is not). */
  mediaType?: string;
  hreflang: Lang[];
  /** The level the link belongs to: each level is its own context object (anchor) in the linkset. */
  level: Level;
}

const titles: Record<string, { vi: string; en: string }> = {
  pip: { vi: 'Thông tin sản phẩm và nguồn gốc', en: 'Product and origin information' },
  traceability: { vi: 'Hành trình truy xuất nguồn gốc', en: 'Traceability journey' },
  epcis: { vi: 'Sự kiện EPCIS của mã này', en: 'EPCIS events for this code' },
  certificationInfo: { vi: 'Chứng nhận của cơ sở sản xuất', en: 'Certificates of the producer' },
  recallStatus: { vi: 'Tình trạng thu hồi của lô hàng', en: 'Recall status of the lot' },
  dpp: { vi: 'Hộ chiếu số của sản phẩm', en: 'Digital product passport' },
  epil: { vi: 'Nhãn điện tử của sản phẩm', en: 'Electronic product label' },
};

/**
 * A page in Vietnamese and English (one negotiated target, one per language) and, when given, the same address
 * as data by content negotiation: the passport's JSON-LD.
 */
function addPage(
  add: (type: string, href: string, mediaType: string | undefined, hreflang: Lang[], lang?: Lang) => void,
  type: string,
  href: string,
  dataType?: string,
) {
  add(type, href, 'text/html', ['vi', 'en']);
  add(type, `${href}?lang=vi`, 'text/html', ['vi'], 'vi');
  add(type, `${href}?lang=en`, 'text/html', ['en'], 'en');
  if (dataType) add(type, href, dataType, ['vi', 'en']);
}

/** The page of a Digital Link lives at /page + the DL path, so one printed URI maps to one page address. */
export const pagePath = (uri: string, baseUrl: string) =>
  `/page${uri.slice(baseUrl.length).replace(/\?.*$/, '')}`;

export type Level = 'item' | 'lot' | 'product';

/** The levels a request has links at, most specific first: the item (stamp), its lot, the product. */
function levelsOf(request: ResolverRequest, subject: Subject): Level[] {
  const levels: Level[] = [];
  if (request.serial) levels.push('item');
  if (subject.lot || subject.unknown === 'lot') levels.push('lot');
  levels.push('product');
  return levels;
}

/**
 * Every link for the request, most specific level first: the item (stamp), its lot, the product. The first
 * `pip` is the default link. Pages exist in Vietnamese and English: one negotiated target plus one per language.
 */
export function buildLinks(baseUrl: string, request: ResolverRequest, subject: Subject): Link[] {
  return levelsOf(request, subject).flatMap((level) => levelLinks(baseUrl, request, subject, level));
}

/** The Digital Link a level's links are about: the linkset's anchor for that level. */
export function levelAnchor(
  baseUrl: string,
  request: ResolverRequest,
  subject: Subject,
  level: Level,
): string {
  return level === 'lot' && !request.lot
    ? lotUri(baseUrl, request, subject)
    : levelUri(baseUrl, request, level);
}

function levelLinks(baseUrl: string, request: ResolverRequest, subject: Subject, level: Level): Link[] {
  const links: Link[] = [];
  const add = (type: string, href: string, mediaType: string | undefined, hreflang: Lang[], lang?: Lang) =>
    links.push({
      type,
      href,
      ...(mediaType ? { mediaType } : {}),
      hreflang,
      title: lang ? titles[type][lang] : `${titles[type].vi} / ${titles[type].en}`,
      level,
    });
  const uri = levelAnchor(baseUrl, request, subject, level);
  const page = `${baseUrl}${pagePath(uri, baseUrl)}`;
  add('pip', page, 'text/html', ['vi', 'en']);
  add('pip', `${page}?lang=vi`, 'text/html', ['vi'], 'vi');
  add('pip', `${page}?lang=en`, 'text/html', ['en'], 'en');
  // an unknown serial or lot has one thing of its own: the page that says it is not registered
  const unknownLevel = subject.unknown === 'serial' ? 'item' : subject.unknown === 'lot' ? 'lot' : null;
  if (level === unknownLevel || (subject.unknown === 'serial' && level === 'lot')) return links;
  const canonical = `https://id.gs1.org${uri.slice(baseUrl.length)}`;
  const match = level === 'item' ? 'MATCH_anyEPC' : 'MATCH_anyEPCClass';
  add('epcis', `${baseUrl}/epcis/events?${match}=${encodeURIComponent(canonical)}`, 'application/ld+json', [
    'en',
  ]);
  const own = uri.slice(baseUrl.length);
  if (level === 'lot') {
    add('traceability', `${page}#journey`, 'text/html', ['vi', 'en']);
    add('recallStatus', `${page}#verdict`, 'text/html', ['vi', 'en']);
    // the lot's passport: the product's approved version with the lot's dates and status (decision 058)
    addPage(add, 'dpp', `${baseUrl}/dpp${own}`, 'application/ld+json');
  }
  if (level === 'product') {
    // each certificate is its own link: its file where one was uploaded, else its line on the page
    const seen = new Set<string>();
    for (const c of subject.organisation?.certificates ?? []) {
      const href = c.fileUrl ?? `${page}#certificates`;
      if (seen.has(href)) continue;
      seen.add(href);
      add('certificationInfo', href, c.fileUrl ? undefined : 'text/html', ['vi']);
      links[links.length - 1].title = `${c.kind.toUpperCase()} ${c.number} — ${c.issuer}`;
    }
    addPage(add, 'dpp', `${baseUrl}/dpp${own}`, 'application/ld+json');
    addPage(add, 'epil', `${baseUrl}/epil${own}`);
  }
  return links;
}

/**
 * The links a redirect may go to: `chooseLinks` over `buildLinks`, but building the levels' links only until the
 * answer is known (a redirect to the stamp's page needs the item level alone, not the lot's and product's).
 */
export function findLinks(
  baseUrl: string,
  request: ResolverRequest,
  subject: Subject,
  type: string,
  lang: Lang,
  explicitLanguage: boolean,
): Link[] {
  let first: Link[] = [];
  for (const level of levelsOf(request, subject)) {
    const found = chooseLinks(levelLinks(baseUrl, request, subject, level), type, lang, explicitLanguage);
    if (!found.length) continue;
    if (!first.length) first = found;
    // without a language asked for, the first level with the type wins; with one, the first in that language
    if (!explicitLanguage || found.every((l) => inLanguage(l, lang))) return found;
  }
  return first;
}

function lotUri(baseUrl: string, request: ResolverRequest, subject: Subject) {
  return `${baseUrl}/01/${request.gtin}/10/${encodeURIComponent(subject.lot!.lot)}`;
}

/** Accepts `gs1:pip`, `pip` or a full vocabulary URI (old or new GS1 host). */
export function normaliseLinkType(value: string): string {
  return value.replace(/^gs1:/, '').replace(/^https?:\/\/(ref\.)?gs1\.org\/voc\//, '');
}

const inLanguage = (l: Link, lang: Lang) => l.hreflang.length === 1 && l.hreflang[0] === lang;

/**
 * Of the links of a type, the best for the requester: at the most specific level that has the type, those in the
 * requester's language (a level further up when only it has one), else the level's negotiated link (one target in
 * several languages). One link is a redirect; several that match equally are a choice (300 Multiple Choices).
 */
export function chooseLinks(links: Link[], type: string, lang: Lang, explicitLanguage: boolean): Link[] {
  const candidates = links.filter((l) => l.type === type);
  if (!candidates.length) return [];
  if (explicitLanguage) {
    const exact = candidates.filter((l) => inLanguage(l, lang));
    if (exact.length) return exact.filter((l) => l.level === exact[0].level);
  }
  const level = candidates.filter((l) => l.level === candidates[0].level);
  const negotiated = level.find((l) => l.hreflang.length > 1);
  return negotiated ? [negotiated] : level;
}
