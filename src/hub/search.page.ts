import type { Lang } from '../platform/index.ts';
import { html } from '../public/index.ts';
import type { SearchHit, SearchQuery } from './hub.api.ts';
import { hubPage, withLang } from './hub.layout.ts';

const kindWords: Record<SearchHit['kind'], [string, string]> = {
  product: ['Sản phẩm', 'Product'],
  organisation: ['Nhà sản xuất', 'Producer'],
  lot: ['Lô hàng', 'Lot'],
};

/** The search address with these parameters, the defaults left out so links stay short. */
function searchHref(query: SearchQuery, lang: Lang, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (page > 1) params.set('page', String(page));
  if (lang === 'en') params.set('lang', 'en');
  const q = params.toString();
  return q ? `/?${q}` : '/';
}

function hit(h: SearchHit, lang: Lang) {
  const vi = lang === 'vi';
  const target = h.href ? (lang === 'en' ? withLang(h.href, 'en') : h.href) : null;
  const details = [
    h.gtin ? `GTIN ${h.gtin}` : null,
    h.lot ? `${vi ? 'Lô' : 'Lot'} ${h.lot}` : null,
    h.taxCode ? `${vi ? 'MST' : 'Tax code'} ${h.taxCode}` : null,
  ].filter(Boolean);
  return html`<li><span class="tag">${kindWords[h.kind][vi ? 0 : 1]}</span><span class="tag ok">${h.province.name}</span>
    <h3>${target ? html`<a href="${target}">${h.name}</a>` : h.name}</h3>
    ${h.producer ? html`<div>${vi ? 'Nhà sản xuất' : 'Producer'}: ${h.producer}</div>` : null}
    ${details.length ? html`<div class="muted">${details.join(' · ')}</div>` : null}</li>`;
}

/** The national search page at `/`: a form that works without script, hits a page at a time, an empty state. */
export function searchPageHtml(
  query: SearchQuery,
  result: { items: SearchHit[]; total: number },
  lang: Lang,
  path: string,
): string {
  const vi = lang === 'vi';
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const option = (value: string, label: string) =>
    html`<option value="${value}"${(query.kind ?? '') === value ? html` selected` : null}>${label}</option>`;
  const empty = !result.items.length
    ? html`<div class="card"><h2>${
        query.q
          ? vi
            ? `Không tìm thấy kết quả cho “${query.q}”`
            : `Nothing found for “${query.q}”`
          : vi
            ? 'Chưa có dữ liệu'
            : 'No data yet'
      }</h2><p>${
        query.q
          ? vi
            ? 'Thử gõ ít chữ hơn, bỏ dấu, hoặc tìm theo mã GTIN, số lô, mã số thuế.'
            : 'Try fewer words, or search by GTIN, lot number or tax code.'
          : vi
            ? 'Các tỉnh, thành phố chưa gửi sản phẩm nào lên trục quốc gia.'
            : 'No province has sent any product to the national hub yet.'
      }</p></div>`
    : null;
  const body = html`
    <h1>${vi ? 'Tra cứu nguồn gốc sản phẩm trên cả nước' : 'Search products across the country'}</h1>
    <form class="search" method="get" action="/" role="search">
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : null}
      <input type="search" name="q" value="${query.q}" placeholder="${vi ? 'Tên sản phẩm, nhà sản xuất, GTIN, số lô…' : 'Product, producer, GTIN, lot…'}" aria-label="${vi ? 'Từ khoá tìm kiếm' : 'Search words'}">
      <select name="kind" aria-label="${vi ? 'Loại' : 'Kind'}">
        ${option('', vi ? 'Tất cả' : 'Everything')}${option('product', vi ? 'Sản phẩm' : 'Products')}${option('organisation', vi ? 'Nhà sản xuất' : 'Producers')}${option('lot', vi ? 'Lô hàng' : 'Lots')}
      </select>
      <button type="submit">${vi ? 'Tìm' : 'Search'}</button>
    </form>
    ${
      result.items.length
        ? html`<p class="muted">${
            vi
              ? `${result.total.toLocaleString('vi-VN')} kết quả${pages > 1 ? ` · trang ${query.page}/${pages}` : ''}`
              : `${result.total.toLocaleString('en-GB')} results${pages > 1 ? ` · page ${query.page} of ${pages}` : ''}`
          }</p><ul class="hits">${result.items.map((h) => hit(h, lang))}</ul>`
        : empty
    }
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="${vi ? 'Trang kết quả' : 'Result pages'}">${
            query.page > 1
              ? html`<a class="btn" rel="prev" href="${searchHref(query, lang, query.page - 1)}">${vi ? '‹ Trang trước' : '‹ Previous'}</a>`
              : html`<span></span>`
          }${
            query.page < pages
              ? html`<a class="btn" rel="next" href="${searchHref(query, lang, query.page + 1)}">${vi ? 'Trang sau ›' : 'Next ›'}</a>`
              : null
          }</nav>`
        : null
    }`;
  return hubPage({
    lang,
    title: vi ? 'Tra cứu nguồn gốc — trục quốc gia' : 'National traceability search',
    path,
    body,
  });
}
