import { type Lang, localToday, t } from '../platform/index.ts';
import { communeBoundariesNear } from '../registry/index.ts';
import type { ConsumerView, Verdict } from './consumer.view.ts';
import { esc, Html, html, layoutParts, safeUrl } from './html.ts';
import './passport.messages.ts';
import { renderMapSvg } from './map.svg.ts';
import './proof.messages.ts';
import './public.messages.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Times are shown in Vietnam's time zone, whatever the server's. */
export function formatTime(lang: Lang, date: Date): string {
  const key = `${lang}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    formatters.set(key, f);
  }
  return f.format(date);
}
export const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day in words: "5 tháng 12 năm 2026", "5 December 2026". */
export function plainDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'vi' ? `${d} tháng ${m} năm ${y}` : `${d} ${monthsEn[m - 1]} ${y}`;
}

export function verdictReasons(lang: Lang, v: Verdict): string[] {
  const reasons: string[] = [];
  if (v.kind === 'unknown')
    reasons.push(t(lang, v.revoked ? 'public.reason.revoked' : 'public.reason.unknown'));
  if (v.kind === 'not_activated') reasons.push(t(lang, 'public.reason.not_activated'));
  if (v.kind === 'product') reasons.push(t(lang, 'public.reason.product'));
  if (v.revoked && v.kind !== 'unknown') reasons.push(t(lang, 'public.reason.revoked'));
  if (v.lotMismatch) reasons.push(t(lang, 'public.reason.lotMismatch', { printed: v.lotMismatch }));
  if (v.kind === 'recalled') reasons.push(t(lang, 'public.reason.recalled', { lot: v.lot }));
  if (v.kind === 'suspended' && v.suspendedSince)
    reasons.push(
      t(lang, 'public.reason.suspended', { date: formatDate(localToday(v.suspendedSince.getTime())) }),
    );
  if (v.kind === 'on_hold') reasons.push(t(lang, 'public.reason.on_hold', { lot: v.lot }));
  if (v.kind === 'genuine')
    reasons.push(t(lang, 'public.reason.genuine', { producer: v.producerName, lot: v.lot }));
  if (v.travel)
    reasons.push(
      t(lang, 'public.reason.travel', { km: v.travel.km, duration: duration(lang, v.travel.minutes) }),
    );
  return [...reasons, ...scanNotes(lang, v)];
}

/** How often the code was scanned: information, never a verdict (many people may look at one product). */
function scanNotes(lang: Lang, v: Verdict): string[] {
  const s = v.scans;
  if (!s) return [];
  if (s.counted && s.total === 1) return [t(lang, 'public.reason.firstTime')];
  const notes: string[] = [];
  if (s.total > 0 && s.firstAt)
    notes.push(t(lang, 'public.reason.scanCount', { count: s.total, when: formatScanTime(s.firstAt) }));
  if (s.busy)
    notes.push(
      t(lang, 'public.reason.busy', { count: s.recent, networks: s.recentNetworks, hours: v.windowHours }),
    );
  return notes;
}

const duration = (lang: Lang, minutes: number) =>
  minutes < 120
    ? t(lang, 'public.duration.minutes', { n: minutes })
    : t(lang, 'public.duration.hours', { n: Math.round(minutes / 60) });

const scanTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:mm in Vietnam's time zone, as people write it, whatever the server's zone and locale data. */
export function formatScanTime(date: Date): string {
  const ms = date.getTime();
  const known = scanTimes.get(ms);
  if (known !== undefined) return known;
  const text = formatScanTimeNow(date);
  // a stamp's first scan is shown on each of its views: the same instant, formatted once
  if (scanTimes.size >= 10_000) scanTimes.clear();
  scanTimes.set(ms, text);
  return text;
}
const scanTimes = new Map<number, string>();

function formatScanTimeNow(date: Date): string {
  const part = Object.fromEntries(scanTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

const plainPath = /^\/(?!\/)(?:[A-Za-z0-9_~-]|\.(?![./?]|$)|\/(?!\.))*(?:\?[^#]*)?$/;
const plainQuery = /^[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]*(?:&[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]*)*$/;

/** The same page in the other language: the `lang` query parameter replaced, everything else kept. */
export function withLang(path: string, lang: Lang): string {
  // the usual address (a path of plain characters, a query of plain `key=value` pairs without `lang`) gives what
  // the URL parser would, without it; anything else goes through the parser
  if (plainPath.test(path)) {
    const q = path.indexOf('?');
    if (q < 0) return `${path}?lang=${lang}`;
    const query = path.slice(q + 1);
    if (plainQuery.test(query) && !/(^|&)lang=/.test(query)) return `${path}&lang=${lang}`;
  }
  const url = new URL(path, 'http://local');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

function row(label: string, value: string | null | undefined | Html) {
  return value === null || value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** The product's passport and e-label (decision 058), for the lot the code names when there is one. */
function passportLinks(view: ConsumerView, lang: Lang) {
  if (!view.gtin) return '';
  const path = `/01/${view.gtin}${view.lot ? `/10/${encodeURIComponent(view.lot.lot)}` : ''}`;
  return html`<p id="passport-links"><a href="${withLang(`/dpp${path}`, lang)}">${t(lang, 'public.dpp.title')}</a> · <a href="${withLang(`/epil${path}`, lang)}">${t(lang, 'public.epil.title')}</a></p>`;
}

/**
 * What the page shows that does not depend on the scan (decision 064): the head with the style sheet, the product,
 * lot, producer and journey sections, the report form, each piece ending where a per-view value goes in. Built from
 * the view's published parts only; `renderConsumerPage` joins it with the verdict, the serial, the code and the
 * page's own address.
 */
interface PageFrame {
  /** Up to the other language's link (title from the product's name). */
  open: string;
  /** From that link to the verdict. */
  middle: string;
  /** The product section up to its serial's row. */
  productHead: string;
  /** From after the serial's row to the report form's hidden code. */
  productTail: string;
  /** From after the code to the script. */
  formTail: string;
  close: string;
  // what it was built from: the same objects, or it is built again
  lot: ConsumerView['lot'];
  producer: ConsumerView['producer'];
  journey: ConsumerView['journey'];
  places: ConsumerView['places'];
  gtin: string;
  province: string;
  /** The same pieces as UTF-8 bytes, encoded once per frame kept (a view's answer is then mostly copied, not encoded). */
  bytes: Record<FramePiece, Buffer>;
}

type FramePiece = 'open' | 'middle' | 'productHead' | 'productTail' | 'formTail' | 'close';

type Tr = (key: string, params?: Record<string, unknown>) => string;

function buildFrame(view: ConsumerView, lang: Lang, province: string, keepJourney: boolean): PageFrame {
  const tr: Tr = (key, params) => t(lang, key, params);
  const p = view.product;
  const layoutPieces = layoutParts({
    lang,
    // without a product the title is the verdict's, per view: such a frame is never kept
    title: p ? `${p.name} — TXNG` : '',
    province,
  });
  let productHead = '';
  let productTail = '';
  if (p) {
    const badges = [
      p.ocopStars ? html`<span class="ok">★ ${tr('public.ocop', { stars: p.ocopStars })}</span>` : '',
      p.geographicalIndication
        ? html`<span>${tr('public.gi', { name: p.geographicalIndication })}</span>`
        : '',
      p.certificationMark ? html`<span>${tr('public.certMark', { name: p.certificationMark })}</span>` : '',
    ];
    const images = p.images.map((src) => safeUrl(src)).filter((s): s is string => s !== null);
    productHead = html`<section class="card" id="product"><h1>${p.name}</h1>
${images.length ? html`<div class="imgs">${images.map((src, i) => html`<img src="${src}" alt="${p.name}" ${i > 0 ? new Html('loading="lazy"') : ''} width="140" height="140">`)}</div>` : ''}
<div class="badges">${badges}</div>
<p class="muted">${p.verified ? tr('public.verified') : tr('public.notVerified')}</p>
${p.unchangedSince ? html`<p class="muted" id="unchanged">${tr('public.unchangedSince', { date: plainDate(p.unchangedSince.date, lang) })} <a href="${withLang(`/kiem-chung/ban-ghi/${p.unchangedSince.recordId}`, lang)}">${tr('public.proofLink')}</a></p>` : ''}
<dl>${row(tr('public.gtin'), view.gtin)}`.value;
    productTail =
      html`${row(tr('public.brand'), p.brand)}${row(tr('public.netQuantity'), p.netQuantity)}${row(tr('public.standards'), p.appliedStandards.join(', '))}${row(tr('public.shelfLife'), p.shelfLifeDays ? tr('public.days', { n: p.shelfLifeDays }) : null)}</dl>
${passportLinks(view, lang)}</section>`.value;
  }
  productTail += html`
${
  view.lot
    ? html`<section class="card" id="lot"><h2>${tr('public.lot')}</h2><dl>${row(tr('public.lotNumber'), view.lot.lot)}${row(tr('public.productionDate'), view.lot.productionDate ? formatDate(view.lot.productionDate) : null)}${row(tr('public.expiryDate'), view.lot.expiryDate ? formatDate(view.lot.expiryDate) : null)}</dl>${view.lot.excursions?.length ? html`<h3>${tr('public.storage')}</h3><ul id="excursions">${view.lot.excursions.map((e) => html`<li lang="vi">${e}</li>`)}</ul>` : ''}</section>`
    : ''
}
${
  view.producer
    ? html`<section class="card" id="producer"><h2>${tr('public.producer')}</h2><dl>${row(tr('public.producer'), view.producer.name)}${row(tr('public.address'), view.producer.address)}${row(tr('public.taxCode'), view.producer.taxCode)}</dl>
${view.producer.certificates.length ? html`<h2 id="certificates">${tr('public.certificates')}</h2><ul>${view.producer.certificates.map((c) => html`<li>${c.kind.toUpperCase()} ${c.number} — ${c.issuer}${c.validTo ? html` (${tr('public.validTo', { date: formatDate(c.validTo) })})` : ''}</li>`)}</ul>` : ''}</section>`
    : ''
}
${p ? journeySection(view, lang, tr, keepJourney) : ''}
<section class="card" id="report"><h2>${tr('public.report')}</h2><p class="muted">${tr('public.reportIntro')}</p>
<form method="post" action="/page/report?lang=${lang}" enctype="multipart/form-data"><input type="hidden" name="uri" value="`
    .value;
  const formTail = html`">
<label for="message">${tr('public.message')}</label><textarea id="message" name="message" rows="3" required minlength="5" maxlength="2000"></textarea>
<label for="photo">${tr('public.photo')}</label><input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp">
<label for="phone">${tr('public.phone')}</label><input id="phone" name="phone" type="tel" autocomplete="tel">
<label><input type="checkbox" name="consent" value="yes" required> ${tr('public.consent')}</label>
<p><button type="submit">${tr('public.send')}</button></p></form></section>
`.value;
  const pieces = {
    open: layoutPieces.open,
    middle: layoutPieces.middle,
    productHead,
    productTail,
    formTail,
    close: layoutPieces.close,
  };
  return {
    ...pieces,
    bytes: {
      open: Buffer.from(pieces.open),
      middle: Buffer.from(pieces.middle),
      productHead: Buffer.from(pieces.productHead),
      productTail: Buffer.from(pieces.productTail),
      formTail: Buffer.from(pieces.formTail),
      close: Buffer.from(pieces.close),
    },
    lot: view.lot,
    producer: view.producer,
    journey: view.journey,
    places: view.places,
    gtin: view.gtin,
    province,
  };
}

/**
 * The frames kept, per product section and language: the view's published parts are the same objects for every
 * stamp of a lot while the resolver's memory holds them (consumer.data.ts), so a frame is found by the product
 * section and checked against the others; a change announced (or the TTL) gives new objects and a new frame, and the
 * old one goes with its key.
 */
const frames = new WeakMap<object, Map<Lang, PageFrame>>();
let framesBuilt = 0;
/** How many frames were built to be kept (tests: a second stamp of a lot reuses the first one's). */
export const pageFramesBuilt = () => framesBuilt;

function frameFor(view: ConsumerView, lang: Lang, province: string): PageFrame {
  const p = view.product;
  if (!p) return buildFrame(view, lang, province, false);
  let byLang = frames.get(p);
  const kept = byLang?.get(lang);
  if (
    kept &&
    kept.lot === view.lot &&
    kept.producer === view.producer &&
    kept.journey === view.journey &&
    kept.places === view.places &&
    kept.gtin === view.gtin &&
    kept.province === province
  )
    return kept;
  const frame = buildFrame(view, lang, province, true);
  framesBuilt++;
  if (!byLang) {
    byLang = new Map();
    frames.set(p, byLang);
  }
  byLang.set(lang, frame);
  return frame;
}

/** What a view of the page is asked with: its language, the province's name, its own address, a report just sent. */
export interface PageOptions {
  lang: Lang;
  province: string;
  selfPath: string;
  reported: boolean;
}

/**
 * The consumer page. The parts that do not depend on the scan come from a frame kept per product and language
 * (decision 064); the verdict, the scan's button, the serial, the code and the page's own address are rendered per
 * view. `cache: false` builds the frame anew (the tests compare the two byte for byte).
 */
export function renderConsumerPage(view: ConsumerView, opts: PageOptions, cache = true): string {
  const { frame, open, self, verdict, serial, uri, script } = pageParts(view, opts, cache);
  return `${open}${self}${frame.middle}${verdict}${frame.productHead}${serial}${frame.productTail}${uri}${frame.formTail}${script}${frame.close}`;
}

/**
 * The same page as UTF-8 bytes, for the answer: the kept frame's pieces are copied as they were encoded, only the
 * per-view parts are encoded (the socket would otherwise encode the whole page's text on every view).
 */
export function renderConsumerPageBytes(view: ConsumerView, opts: PageOptions): Buffer {
  const { frame, open, self, verdict, serial, uri, script } = pageParts(view, opts, true);
  const b = frame.bytes;
  return Buffer.concat([
    view.product ? b.open : Buffer.from(open),
    Buffer.from(self),
    b.middle,
    Buffer.from(verdict),
    b.productHead,
    Buffer.from(serial),
    b.productTail,
    Buffer.from(uri),
    b.formTail,
    script ? scriptBytes : empty,
    b.close,
  ]);
}

function pageParts(view: ConsumerView, opts: PageOptions, cache: boolean) {
  const { lang } = opts;
  const tr: Tr = (key, params) => t(lang, key, params);
  const v = view.verdict;
  const p = view.product;
  const frame = cache ? frameFor(view, lang, opts.province) : buildFrame(view, lang, opts.province, false);
  const open = p
    ? frame.open
    : layoutParts({ lang, title: tr(`public.verdict.${v.kind}`), province: opts.province }).open;
  const verdict = html`
<section class="card verdict v-${v.kind}" id="verdict"><strong>${tr(`public.verdict.${v.kind}`)}</strong>
${verdictReasons(lang, v).map((r) => html`<p>${r}</p>`)}
${view.scan ? html`<p id="share"><button type="button" data-scan="${view.scan.id}" data-token="${view.scan.token}" data-done="${tr('public.locationShared')}" hidden>${tr('public.shareLocation')}</button></p>` : ''}
</section>
${opts.reported ? html`<p class="card" role="status">${tr('public.thanks')}</p>` : ''}
`.value;
  return {
    frame,
    open,
    self: esc(withLang(opts.selfPath, lang === 'vi' ? 'en' : 'vi')),
    verdict,
    serial: p ? String(row(tr('public.serial'), view.serial)) : '',
    uri: esc(view.uri),
    script: view.scan ? scriptTag : '',
  };
}

/**
 * The journey and its map, rendered once per journey and language and reused (decision 055): the journey and its
 * places come from the resolver's cache (consumer.data.ts), the same objects for every stamp of a lot until that
 * entry is dropped (its TTL, or a change announced), so the rendered fragment is keyed by the object itself and goes
 * with it. Only published data is in it; the verdict is rendered per request.
 */
const journeyFragments = new WeakMap<object, { places: unknown; byLang: Map<Lang, Html> }>();

function journeySection(view: ConsumerView, lang: Lang, tr: Tr, keep: boolean): Html {
  const kept = keep ? journeyFragments.get(view.journey) : undefined;
  const hit = kept?.places === view.places ? kept.byLang.get(lang) : undefined;
  if (hit) return hit;
  const map = renderMapSvg(view.places, tr('public.map'), communeBoundariesNear);
  const section = html`<section class="card" id="journey"><h2>${tr('public.journey')}</h2>${
    view.journey.length
      ? html`<ol class="timeline">${view.journey.map(
          (s) =>
            html`<li><strong>${tr(`public.what.${s.what}`)}</strong><br><span class="muted">${formatTime(lang, s.when)}</span>${s.where ? html`<br>${s.place ? html`<b class="pin" title="${tr('public.mapNumber', { n: s.place })}">${s.place}</b> ` : ''}${s.where}` : ''}${s.who ? html`<br><span class="muted">${s.who}</span>` : ''}</li>`,
        )}</ol>`
      : html`<p class="muted">${tr('public.noJourney')}</p>`
  }
${map ? html`<h2>${tr('public.map')}</h2>${new Html(map)}<ol class="legend">${view.places.map((pl) => html`<li>${pl.name}</li>`)}</ol>` : ''}</section>`;
  // an empty journey is one shared literal in places: only journeys that are objects of their own are kept
  if (keep && view.journey.length) {
    const entry =
      kept?.places === view.places ? kept : { places: view.places, byLang: new Map<Lang, Html>() };
    entry.byLang.set(lang, section);
    journeyFragments.set(view.journey, entry);
  }
  return section;
}

/**
 * The only script on the page: an opt-in button that shares a coarse location for the scan. Its text never
 * changes (the words it shows come from the button's data attributes), so one hash in the Content-Security-Policy
 * allows it and nothing else.
 */
export const locationScript =
  "(function(){var b=document.querySelector('[data-scan]');if(!b||!navigator.geolocation)return;b.hidden=false;b.addEventListener('click',function(){navigator.geolocation.getCurrentPosition(function(p){fetch('/page/scan-location',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({scan:+b.dataset.scan,token:b.dataset.token,latitude:p.coords.latitude,longitude:p.coords.longitude})}).then(function(){var s=document.createElement('span');s.textContent=b.dataset.done;b.replaceWith(s)})})})})()";
const scriptTag = `<script>${locationScript}</script>`;
const scriptBytes = Buffer.from(scriptTag);
const empty = Buffer.alloc(0);
