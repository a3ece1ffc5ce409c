import type { Lang } from '../platform/index.ts';
import { levelUri, type ResolverRequest } from './resolver.dl.ts';
import type { Subject } from './resolver.subject.ts';

export const gs1Voc = 'https://gs1.org/voc/';

export interface Link {
  /** Link type without namespace, e.g. `pip`; the linkset names it `https://gs1.org/voc/pip`. */
  type: string;
  href: string;
  title: string;
  mediaType: string;
  hreflang: Lang[];
}

const titles: Record<string, { vi: string; en: string }> = {
  pip: { vi: 'Thông tin sản phẩm và nguồn gốc', en: 'Product and origin information' },
  traceability: { vi: 'Hành trình truy xuất nguồn gốc', en: 'Traceability journey' },
  epcis: { vi: 'Sự kiện EPCIS của mã này', en: 'EPCIS events for this code' },
  certificationInfo: { vi: 'Chứng nhận của cơ sở sản xuất', en: 'Certificates of the producer' },
  recallStatus: { vi: 'Tình trạng thu hồi của lô hàng', en: 'Recall status of the lot' },
  dpp: { vi: 'Hộ chiếu số của sản phẩm (JSON-LD)', en: 'Digital product passport (JSON-LD)' },
};

/** The page of a Digital Link lives at /page + the DL path, so one printed URI maps to one page address. */
export const pagePath = (uri: string, baseUrl: string) =>
  `/page${uri.slice(baseUrl.length).replace(/\?.*$/, '')}`;

type Level = 'item' | 'lot' | 'product';

/** The levels a request has links at, most specific first: the item (stamp), its lot, the product. */
function levelsOf(request: ResolverRequest, subject: Subject): Level[] {
  const levels: Level[] = [];
  if (request.serial) levels.push('item');
  if (subject.lot) levels.push('lot');
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

function levelLinks(baseUrl: string, request: ResolverRequest, subject: Subject, level: Level): Link[] {
  const links: Link[] = [];
  const add = (type: string, href: string, mediaType: string, hreflang: Lang[], lang?: Lang) =>
    links.push({
      type,
      href,
      mediaType,
      hreflang,
      title: lang ? titles[type][lang] : `${titles[type].vi} / ${titles[type].en}`,
    });
  const uri =
    level === 'lot' && !request.lot ? lotUri(baseUrl, request, subject) : levelUri(baseUrl, request, level);
  const page = `${baseUrl}${pagePath(uri, baseUrl)}`;
  add('pip', page, 'text/html', ['vi', 'en']);
  add('pip', `${page}?lang=vi`, 'text/html', ['vi'], 'vi');
  add('pip', `${page}?lang=en`, 'text/html', ['en'], 'en');
  const canonical = `https://id.gs1.org${uri.slice(baseUrl.length)}`;
  const match = level === 'item' ? 'MATCH_anyEPC' : 'MATCH_anyEPCClass';
  add('epcis', `${baseUrl}/epcis/events?${match}=${encodeURIComponent(canonical)}`, 'application/ld+json', [
    'en',
  ]);
  if (level === 'lot') {
    add('traceability', `${page}#journey`, 'text/html', ['vi', 'en']);
    add('recallStatus', `${page}#verdict`, 'text/html', ['vi', 'en']);
  }
  if (level === 'product') {
    if (subject.organisation?.certificates.length)
      add('certificationInfo', `${page}#certificates`, 'text/html', ['vi', 'en']);
    add('dpp', `${baseUrl}/dpp${uri.slice(baseUrl.length)}`, 'application/ld+json', ['vi', 'en']);
  }
  return links;
}

/**
 * The link a redirect goes to: `chooseLink` over `buildLinks`, but building the levels' links only until the
 * answer is known (a redirect to the stamp's page needs the item level alone, not the lot's and product's).
 */
export function findLink(
  baseUrl: string,
  request: ResolverRequest,
  subject: Subject,
  type: string,
  lang: Lang,
  explicitLanguage: boolean,
): Link | null {
  let first: Link | null = null;
  for (const level of levelsOf(request, subject)) {
    const found = chooseLink(levelLinks(baseUrl, request, subject, level), type, lang, explicitLanguage);
    if (!found) continue;
    first ??= found;
    // without a language asked for, the first of the type wins; with one, the first in that language
    if (!explicitLanguage || (found.hreflang.length === 1 && found.hreflang[0] === lang)) return found;
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

/** Of the links of a type, the one in the requester's language when there is one, else the negotiated one. */
export function chooseLink(links: Link[], type: string, lang: Lang, explicitLanguage: boolean): Link | null {
  const candidates = links.filter((l) => l.type === type);
  if (!candidates.length) return null;
  if (explicitLanguage) {
    const exact = candidates.find((l) => l.hreflang.length === 1 && l.hreflang[0] === lang);
    if (exact) return exact;
  }
  return candidates[0];
}
