import crypto from 'node:crypto';
import type { Lang } from '../platform/index.ts';
import { esc, type Html, html } from '../public/index.ts';
import { words } from './portal.words.ts';

/**
 * The portal's one style sheet, served from `/portal.css` (allowed by the CSP's 'self', cached for a year under its
 * hash): phone first, one column, widening into a grid on a desk.
 */
export const portalCss = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b2733;background:#f3f5f7}
a{color:#0b4f8a}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px;z-index:9}
.band{height:4px;background:#c8102e}
header.site{background:#0b4f8a;color:#fff}
.bar{max-width:1080px;margin:0 auto;padding:10px 14px;display:flex;align-items:center;gap:12px}
.emblem{flex:none;width:44px;height:44px;border-radius:50%;background:#c8102e;border:2px solid #f2b705;display:flex;align-items:center;justify-content:center;color:#f2b705;font-size:22px;line-height:1}
.brand{flex:1;min-width:0;color:#fff;text-decoration:none}.brand small{display:block;font-size:.72rem;letter-spacing:.04em;text-transform:uppercase;opacity:.9}
.brand strong{display:block;font-size:1rem;line-height:1.25}
.lang{color:#fff;font-size:.9rem;border:1px solid #ffffff80;border-radius:4px;padding:3px 8px;text-decoration:none;white-space:nowrap}
nav.main{background:#093f6e}nav.main ul{max-width:1080px;margin:0 auto;padding:0 6px;list-style:none;display:flex;flex-wrap:wrap}
nav.main a{display:block;color:#fff;text-decoration:none;padding:9px 8px;font-size:.92rem;white-space:nowrap;border-bottom:3px solid transparent}
nav.main a[aria-current]{border-bottom-color:#f2b705;font-weight:600}
main{max-width:1080px;margin:0 auto;padding:12px 14px 24px}
.hero{background:linear-gradient(160deg,#0b4f8a,#0d6aa8);color:#fff;padding:18px 14px 20px}
.hero .in{max-width:1080px;margin:0 auto}.hero h1{font-size:1.4rem;line-height:1.3;margin:0 0 6px;color:#fff}.hero p{margin:0 0 12px;opacity:.95}
.search{display:flex;gap:6px}.search input{flex:1;min-width:0}.search button{flex:none}
input[type=search],input[type=text]{font:inherit;padding:10px 12px;border:1px solid #8a97a5;border-radius:6px;background:#fff;color:#1b2733;width:100%}
input[type=file]{font-size:.9rem;max-width:100%}
button,.btn{font:inherit;background:#c8102e;color:#fff;border:0;border-radius:6px;padding:10px 16px;cursor:pointer;text-decoration:none;display:inline-block}
.btn.alt{background:#0b4f8a}.btn.ghost{background:#fff;color:#0b4f8a;border:1px solid #0b4f8a}
label{display:block;font-weight:600;margin:.4rem 0 .3rem}
section.card,article.card{background:#fff;border:1px solid #dde3e9;border-radius:8px;padding:14px;margin:14px 0}
h1{font-size:1.45rem;line-height:1.3;margin:.2rem 0 .6rem;color:#0b3a63}h2{font-size:1.15rem;margin:0 0 10px;color:#0b3a63;border-left:4px solid #c8102e;padding-left:8px}
h3{font-size:1rem;margin:0 0 4px}.muted{color:#56626e;font-size:.9rem}
.grid{display:grid;gap:10px;grid-template-columns:1fr}
.tile{display:flex;gap:10px;background:#fff;border:1px solid #dde3e9;border-radius:8px;padding:10px;text-decoration:none;color:inherit}
.tile img,.tile .ph{flex:none;width:72px;height:72px;border-radius:6px;object-fit:cover;background:#e7eef5}
.tile .ph{display:flex;align-items:center;justify-content:center;color:#0b4f8a;font-weight:700;font-size:1.4rem}
.tile h3{color:#0b4f8a}.tile p{margin:0}
.tag{display:inline-block;font-size:.78rem;border-radius:10px;padding:1px 8px;margin:2px 4px 0 0;background:#eef2f6;color:#33404c}
.tag.ocop{background:#fff4d6;color:#7a5200}.tag.spec{background:#e6f4ea;color:#1e5e2e}.tag.warn{background:#fce8e6;color:#a0161c}
ul.plain{list-style:none;margin:0;padding:0}ul.plain li{padding:8px 0;border-top:1px solid #e5eaef}ul.plain li:first-child{border-top:0}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}dt{color:#56626e}dd{margin:0}
ol.steps{margin:0;padding:0;list-style:none;counter-reset:s}ol.steps li{counter-increment:s;position:relative;padding:0 0 12px 42px}
ol.steps li:before{content:counter(s);position:absolute;left:0;top:0;width:30px;height:30px;border-radius:50%;background:#0b4f8a;color:#fff;text-align:center;line-height:30px;font-weight:700}
.tabs{display:flex;gap:6px;flex-wrap:wrap;margin:10px 0}.tabs a{white-space:nowrap;padding:6px 12px;border-radius:16px;background:#fff;border:1px solid #c9d3dc;text-decoration:none}
.tabs a[aria-current]{background:#0b4f8a;color:#fff;border-color:#0b4f8a}
.pager{display:flex;justify-content:space-between;align-items:center;gap:8px;margin:12px 0}
.notice{border-left:6px solid #c8102e;background:#fff;padding:12px 14px;border-radius:6px;margin:14px 0}.notice.ok{border-color:#1e8e3e}
.notice strong{display:block;font-size:1.1rem;margin-bottom:4px}
svg.map{width:100%;height:auto;max-height:480px;background:#eaf2f8;border-radius:8px}ol.legend{margin:.5rem 0 0;padding-left:1.6rem;font-size:.92rem}ol.legend li::marker{color:#c5221f;font-weight:bold}
.prose{overflow-wrap:anywhere}.prose img{max-width:100%}.prose h1,.prose h2,.prose h3{border:0;padding:0;color:#0b3a63}
.imgs{display:flex;gap:8px;overflow-x:auto}.imgs img{height:180px;border-radius:8px}
footer.site{background:#0b3a63;color:#dfe8f1;font-size:.88rem;margin-top:20px}footer.site .in{max-width:1080px;margin:0 auto;padding:16px 14px}footer.site a{color:#fff}
@media (min-width:720px){.mapwrap{display:grid;grid-template-columns:3fr 2fr;gap:16px;align-items:start}.grid{grid-template-columns:1fr 1fr}.hero h1{font-size:1.8rem}.hero{padding:28px 14px}.cols{display:grid;grid-template-columns:3fr 2fr;gap:16px}.cols>*{min-width:0}}
@media (min-width:1000px){.grid.three{grid-template-columns:1fr 1fr 1fr}}`;

export const portalCssPath = `/portal.css?v=${crypto.createHash('sha256').update(portalCss).digest('hex').slice(0, 10)}`;

export type Section = 'home' | 'search' | 'news' | 'guidance' | 'join' | null;

/** The path with `lang=` set (the language switch keeps the rest of the address). */
export function withLang(path: string, lang: Lang): string {
  const [p, q = ''] = path.split('?');
  const params = new URLSearchParams(q);
  params.set('lang', lang);
  return `${p}?${params.toString()}`;
}

/** A link inside the portal, in the reader's language when it is not the default. */
export const link = (lang: Lang, path: string) => (lang === 'en' ? withLang(path, 'en') : path);

export function portalPage(opts: {
  lang: Lang;
  province: string;
  title: string;
  path: string;
  section: Section;
  body: Html;
  hero?: Html;
  description?: string;
}): string {
  const w = words(opts.lang);
  const other: Lang = opts.lang === 'vi' ? 'en' : 'vi';
  const nav: [Section, string, string][] = [
    ['home', '/', w.navHome],
    ['search', '/tim-kiem', w.navSearch],
    ['news', '/tin-tuc', w.navNews],
    ['guidance', '/huong-dan', w.navGuidance],
    ['join', '/tham-gia', w.navJoin],
  ];
  const title =
    opts.section === 'home'
      ? `${w.portalName} — ${w.provinceOf(opts.province)}`
      : `${opts.title} — ${w.portalName}`;
  const head = `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>${opts.description ? `<meta name="description" content="${esc(opts.description)}">` : ''}<link rel="stylesheet" href="${portalCssPath}"><link rel="alternate" hreflang="${other}" href="${esc(withLang(opts.path, other))}"></head>`;
  const body = html`<body><a class="skip" href="#content">${w.skip}</a><div class="band"></div><header class="site"><div class="bar"><span class="emblem" aria-hidden="true">★</span><a class="brand" href="${link(opts.lang, '/')}"><small>${w.department} · ${w.provinceOf(opts.province)}</small><strong>${w.portalName}</strong></a><a class="lang" href="${withLang(opts.path, other)}" hreflang="${other}" lang="${other}">${w.switchTo}</a></div><nav class="main" aria-label="${w.navHome}"><ul>${nav.map(([s, href, label]) => html`<li><a href="${link(opts.lang, href)}"${s === opts.section ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav></header>${opts.hero ?? ''}<main id="content">${opts.body}</main><footer class="site"><div class="in"><p><strong>${w.portalName} — ${w.provinceOf(opts.province)}</strong><br>${w.department}</p><p>${w.footerNote}</p><p><a href="/app/">${w.footerBackOffice}</a> · <a href="${link(opts.lang, '/tham-gia')}">${w.navJoin}</a> · <a href="${link(opts.lang, '/huong-dan')}">${w.navGuidance}</a></p></div></footer></body></html>`;
  return head + body.value;
}
