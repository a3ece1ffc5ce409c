import crypto from 'node:crypto';
import type { Lang } from '../platform/index.ts';
import { esc, type Html, html } from '../public/index.ts';

/** The hub pages' one style sheet, served from `/hub.css` (the CSP's 'self'): phone first, no script. */
export const hubCss = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b2733;background:#f3f5f7}
a{color:#0b4f8a}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
.band{height:4px;background:#c8102e}header.site{background:#0b4f8a;color:#fff}
.bar{max-width:1080px;margin:0 auto;padding:10px 14px;display:flex;align-items:center;gap:12px}
.brand{flex:1;min-width:0;color:#fff;text-decoration:none}.brand small{display:block;font-size:.72rem;letter-spacing:.04em;text-transform:uppercase;opacity:.9}
.brand strong{display:block;font-size:1rem;line-height:1.25}
.lang{color:#fff;font-size:.9rem;border:1px solid #ffffff80;border-radius:4px;padding:3px 8px;text-decoration:none;white-space:nowrap}
main{max-width:1080px;margin:0 auto;padding:12px 14px 24px}
h1{font-size:1.4rem;line-height:1.3;margin:.3rem 0 .6rem;color:#0b3a63}h2{font-size:1.1rem;margin:0 0 8px;color:#0b3a63}
.search{display:flex;flex-wrap:wrap;gap:6px}.search input{flex:1 1 200px;min-width:0}
input[type=search],select{font:inherit;padding:10px 12px;border:1px solid #8a97a5;border-radius:6px;background:#fff;color:#1b2733}
button,.btn{font:inherit;background:#c8102e;color:#fff;border:0;border-radius:6px;padding:10px 16px;text-decoration:none;display:inline-block}
.card{background:#fff;border:1px solid #dde3e9;border-radius:8px;padding:14px;margin:12px 0}
ul.hits{list-style:none;margin:0;padding:0}ul.hits li{background:#fff;border:1px solid #dde3e9;border-radius:8px;padding:12px;margin:10px 0}
ul.hits h3{margin:0 0 4px;font-size:1.05rem}.muted{color:#56626e;font-size:.9rem}
.tag{display:inline-block;font-size:.78rem;border-radius:10px;padding:1px 8px;margin:2px 4px 0 0;background:#eef2f6;color:#33404c}
.tag.warn{background:#fce8e6;color:#a0161c}.tag.ok{background:#e6f4ea;color:#1e5e2e}
.pager{display:flex;justify-content:space-between;align-items:center;gap:8px;margin:12px 0}
.notice{border-left:6px solid #e37400;background:#fef7e0;padding:12px 14px;border-radius:6px;margin:12px 0}
.notice.bad{border-color:#c8102e;background:#fce8e6}.notice strong{display:block;font-size:1.05rem;margin-bottom:4px}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}dt{color:#56626e}dd{margin:0;overflow-wrap:anywhere}
ol.steps{margin:0;padding:0 0 0 1.2rem}ol.steps li{padding:0 0 8px}
ul.counts{list-style:none;margin:12px 0 0;padding:0;display:grid;grid-template-columns:repeat(3,1fr);gap:6px}
ul.counts li{background:#eef2f6;border-radius:6px;padding:6px 8px;font-size:.85rem;color:#33404c}
ul.counts strong{display:block;font-size:1.2rem;color:#0b3a63;font-variant-numeric:tabular-nums}
@media (min-width:720px){main .provinces{display:grid;grid-template-columns:1fr 1fr;gap:0 14px}}
footer.site{background:#0b3a63;color:#dfe8f1;font-size:.88rem;margin-top:20px}footer.site .in{max-width:1080px;margin:0 auto;padding:16px 14px}`;

export const hubCssPath = `/hub.css?v=${crypto.createHash('sha256').update(hubCss).digest('hex').slice(0, 10)}`;

const words = {
  vi: {
    brand: 'Cổng truy xuất nguồn gốc quốc gia',
    sub: 'Trục dữ liệu các tỉnh, thành phố',
    other: 'English',
    footer: 'Dữ liệu do các tỉnh, thành phố gửi lên sau khi được Sở Khoa học và Công nghệ phê duyệt.',
  },
  en: {
    brand: 'National traceability portal',
    sub: 'Hub of the provinces’ data',
    other: 'Tiếng Việt',
    footer: 'Data sent by the provinces once approved by their Departments of Science and Technology.',
  },
} as const;

/** The path with `lang=` set, keeping the rest of the address. */
export function withLang(path: string, lang: Lang): string {
  const [p, q = ''] = path.split('?');
  const params = new URLSearchParams(q);
  params.set('lang', lang);
  return `${p}?${params.toString()}`;
}

export function hubPage(opts: { lang: Lang; title: string; path: string; body: Html }): string {
  const w = words[opts.lang];
  const other: Lang = opts.lang === 'vi' ? 'en' : 'vi';
  return `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(opts.title)}</title><link rel="stylesheet" href="${hubCssPath}"></head><body>${html`<div class="band"></div><header class="site"><div class="bar"><a class="brand" href="${opts.lang === 'en' ? '/?lang=en' : '/'}"><small>${w.sub}</small><strong>${w.brand}</strong></a><a class="lang" href="${withLang(opts.path, other)}" hreflang="${other}">${w.other}</a></div></header><main>${opts.body}</main><footer class="site"><div class="in">${w.footer}</div></footer>`}</body></html>`;
}

const zone = 'Asia/Ho_Chi_Minh';

/** A moment as people in Việt Nam read it: `14:05, 06/12/2026`, in their own time, never UTC. */
export function localMoment(at: Date, lang: Lang): string {
  const time = at.toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = at.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  return `${time}, ${day}`;
}

/** A stretch of time in words: `3 phút`, `2 giờ`, `5 ngày`. */
export function duration(seconds: number, lang: Lang): string {
  const units: [number, string, string][] = [
    [86_400, 'ngày', 'days'],
    [3_600, 'giờ', 'hours'],
    [60, 'phút', 'minutes'],
    [1, 'giây', 'seconds'],
  ];
  for (const [size, vi, en] of units)
    if (seconds >= size || size === 1) {
      const n = Math.floor(seconds / size);
      return `${n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} ${lang === 'vi' ? vi : en}`;
    }
  return '';
}
