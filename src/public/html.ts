import type { Lang } from '../platform/index.ts';

/** Escapes text for HTML content and double-quoted attributes. Everything from the database goes through it. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A trusted HTML fragment: built only by the `html` tag, which escapes every interpolated value. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return esc(part);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Only absolute http(s) URLs or site-relative paths may become a link or image source. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

/** The pages' one inline style sheet; the Content-Security-Policy allows it by its hash. */
export const pageCss = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f6f8}
main{max-width:640px;margin:0 auto;padding:12px}header.top{display:flex;justify-content:space-between;align-items:center;padding:8px 12px;background:#0b5394;color:#fff}
header.top a{color:#fff}.card{background:#fff;border-radius:10px;padding:14px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}
dt{color:#5b6570}dd{margin:0}.verdict{border-left:8px solid;font-size:1.05rem}.verdict strong{font-size:1.25rem;display:block}
.v-genuine{border-color:#1e8e3e;background:#e6f4ea}.v-unknown,.v-suspicious,.v-recalled,.v-suspended,.v-on_hold{border-color:#c5221f;background:#fce8e6}
.v-not_activated{border-color:#e37400;background:#fef7e0}.v-product{border-color:#0b5394;background:#e8f0fe}
.badges span{display:inline-block;border-radius:12px;padding:2px 10px;margin:2px 4px 2px 0;background:#eef;font-size:.9rem}
.badges .ok{background:#e6f4ea;color:#1e5e2e}ol.timeline{list-style:none;padding:0;margin:0}ol.timeline li{border-left:3px solid #0b5394;padding:0 0 12px 14px;position:relative}
ol.timeline li:before{content:"";position:absolute;left:-8px;top:4px;width:13px;height:13px;border-radius:50%;background:#0b5394}
.muted{color:#5b6570;font-size:.9rem}.imgs{display:flex;gap:8px;overflow-x:auto}.imgs img{height:140px;border-radius:8px}
svg.map{width:100%;height:auto;background:#eaf2f8;border-radius:8px}.card h2{margin-top:1rem}.card h2:first-child{margin-top:0}ol.legend{margin:.4rem 0 0;padding-left:1.4rem}ol.legend li::marker{color:#c5221f;font-weight:bold}.pin{display:inline-block;min-width:1.3em;border-radius:50%;background:#c5221f;color:#fff;text-align:center;font-size:.85em}label{display:block;margin:.5rem 0 .2rem}
textarea,input[type=text],input[type=tel]{width:100%;padding:8px;border:1px solid #9aa4ae;border-radius:6px;font:inherit}
button{background:#0b5394;color:#fff;border:0;border-radius:6px;padding:10px 16px;font:inherit}.err{color:#c5221f}
footer{text-align:center;color:#5b6570;font-size:.85rem;padding:16px}
.label{border:2px solid #1b1f24;border-radius:4px}.label dl,dl.stack{grid-template-columns:1fr}.label dt,dl.stack dt{font-weight:600;color:#1b1f24;margin-top:6px}.label dd{overflow-wrap:anywhere}
@media print{header.top,footer,.noprint{display:none}body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.card{box-shadow:none;margin:0}}`;

/**
 * The page around its body, in the three pieces that do not change with the page's own address: everything up to the
 * other language's link, from that link to the body, and after the body. `layout` joins them; the consumer page keeps
 * them per product and language (decision 064).
 */
export function layoutParts(opts: { lang: Lang; title: string; province: string }): {
  open: string;
  middle: string;
  close: string;
} {
  const other = opts.lang === 'vi' ? 'English' : 'Tiếng Việt';
  return {
    open: `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(opts.title)}</title><style>${pageCss}</style></head><body>${html`<header class="top"><span>TXNG ${opts.province}</span><a href="`}`,
    middle: html`" hreflang="${opts.lang === 'vi' ? 'en' : 'vi'}">${other}</a></header><main>`.value,
    close: `</main><footer>${esc(
      opts.lang === 'vi'
        ? 'Hệ thống truy xuất nguồn gốc — Sở Khoa học và Công nghệ'
        : 'Traceability system — Department of Science and Technology',
    )}</footer></body></html>`,
  };
}

export function layout(opts: {
  lang: Lang;
  title: string;
  body: Html;
  switchHref: string;
  province: string;
}): string {
  const parts = layoutParts(opts);
  return `${parts.open}${esc(opts.switchHref)}${parts.middle}${opts.body}${parts.close}`;
}
