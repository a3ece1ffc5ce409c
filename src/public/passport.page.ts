import {
  type LabelLot,
  type LabelProducer,
  labelDate,
  type Passport,
  producerLine,
  type ResolvedItem,
  resolveItems,
} from '../passport/index.ts';
import { type Lang, t } from '../platform/index.ts';
import type { Subject } from '../resolver/index.ts';
import { withLang } from './consumer.page.ts';
import { Html, html, layout, safeUrl } from './html.ts';
import './passport.messages.ts';

/** What the passport and the e-label pages show: the approved version, the producer and the lot as published. */
export interface PassportPageData {
  /** The Digital Link path the page is about: `/01/{gtin}` or `/01/{gtin}/10/{lot}`. */
  dlPath: string;
  passport: Passport;
  organisation: Subject['organisation'];
  lot: Subject['lot'];
}

const producerOf = (o: Subject['organisation']): LabelProducer | null =>
  o ? { name: o.name, streetAddress: o.streetAddress, communeName: o.communeName, taxCode: o.taxCode } : null;

const lotOf = (l: Subject['lot']): LabelLot | null =>
  l ? { lot: l.lot, productionDate: l.productionDate, expiryDate: l.expiryDate } : null;

/** The label's items in the page's language: the same reading for the passport, the e-label and the JSON-LD. */
export function passportItems(data: PassportPageData, lang: Lang): ResolvedItem[] {
  return resolveItems(data.passport.current.content, producerOf(data.organisation), lotOf(data.lot), lang);
}

/** Origin: the label's own statement when it has one, else the producer's commune in Việt Nam. */
export function originOf(data: PassportPageData, items: ResolvedItem[], lang: Lang): string {
  const stated = items.find((i) => i.key === 'origin')?.value;
  if (stated) return stated;
  const country = lang === 'vi' ? 'Việt Nam' : 'Viet Nam';
  return [data.organisation?.communeName, country].filter(Boolean).join(', ');
}

function row(label: string, value: string | Html | null | undefined) {
  return value === null || value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** Items shown in sections of their own on the passport; the rest are "other required information". */
const shownApart = new Set([
  'productName',
  'gtin',
  'netQuantity',
  'responsibleParty',
  'origin',
  'productionDate',
  'packingDate',
  'expiry',
  'lotNumber',
  'warnings',
  'declaration',
  'standards',
]);

export function renderPassportPage(
  data: PassportPageData,
  opts: { lang: Lang; province: string; selfPath: string; asked: number | undefined },
): string {
  const { lang } = opts;
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);
  const { current, history } = data.passport;
  const c = current.content;
  const p = c.product;
  const items = passportItems(data, lang);
  const value = (key: string) => items.find((i) => i.key === key)?.value ?? null;
  const newest = history[0]?.version ?? 0;
  const isOld = opts.asked !== undefined && opts.asked !== newest;
  const base = `/dpp${data.dlPath}`;
  const images = p.images.map((src) => safeUrl(src)).filter((s): s is string => s !== null);
  const org = data.organisation;
  const lot = data.lot;
  const warnings = value('warnings');
  const others = items.filter((i) => !shownApart.has(i.key) && i.value);
  const certificates = org?.certificates ?? [];
  const body = html`
<section class="card v-product verdict" id="passport"><strong>${tr('public.dpp.title')}</strong>
<p>${current.version ? tr('public.dpp.version', { n: current.version, date: labelDate(current.approvedAt) }) : tr('public.dpp.versionPublished', { date: labelDate(current.approvedAt) })}</p>
${isOld ? html`<p><a href="${withLang(base, lang)}">${tr('public.dpp.notCurrent')}</a></p>` : ''}
<p class="muted">${tr('public.dpp.basis')}</p></section>
${lot?.status === 'recalled' ? html`<section class="card verdict v-recalled" role="alert"><strong>${tr('public.dpp.recalled')}</strong></section>` : ''}
<section class="card" id="identity"><h1>${p.name}</h1>
${images.length ? html`<div class="imgs">${images.map((src, i) => html`<img src="${src}" alt="${p.name}" ${i > 0 ? new Html('loading="lazy"') : ''} width="140" height="140">`)}</div>` : ''}
<dl>${row(tr('public.gtin'), p.gtin)}${row(tr('public.brand'), p.brand)}${row(tr('public.netQuantity'), p.netQuantity === null ? null : `${p.netQuantity} ${p.netQuantityUnit ?? p.unit ?? ''}`)}</dl></section>
<section class="card" id="responsible"><h2>${tr('public.dpp.responsible')}</h2>${
    org
      ? html`<dl>${row(tr('public.dpp.name'), org.name)}${row(tr('public.address'), [org.streetAddress, org.communeName].filter(Boolean).join(', '))}${row(tr('public.taxCode'), org.taxCode)}</dl>`
      : ''
  }</section>
<section class="card" id="origin"><h2>${tr('public.dpp.origin')}</h2><p>${originOf(data, items, lang)}</p></section>
<section class="card" id="trace"><h2>${tr('public.dpp.trace')}</h2>
<dl>${row(tr('public.lotNumber'), lot?.lot)}</dl>
<p><a href="${withLang(`/page${data.dlPath}`, lang)}#journey">${tr('public.dpp.traceLink')}</a></p></section>
<section class="card" id="certificates"><h2>${tr('public.dpp.certs')}</h2><ul>
${certificates.map((x) => html`<li>${x.kind.toUpperCase()} ${x.number} — ${x.issuer}${x.validTo ? html` (${tr('public.validTo', { date: labelDate(x.validTo) })})` : ''}</li>`)}
${p.appliedStandards.map((s) => html`<li>${tr('public.standards')}: ${s}</li>`)}
${p.conformityDeclaration ? html`<li>${tr('public.dpp.declaration')}: ${p.conformityDeclaration}</li>` : ''}
${p.ocop ? html`<li>★ ${tr('public.ocop', { stars: p.ocop.stars })} — ${p.ocop.decision}</li>` : ''}
${p.geographicalIndication ? html`<li>${tr('public.gi', { name: p.geographicalIndication })}</li>` : ''}
${p.certificationMark ? html`<li>${tr('public.certMark', { name: p.certificationMark })}</li>` : ''}
</ul></section>
<section class="card" id="dates"><h2>${tr('public.dpp.dates')}</h2><dl>
${row(tr('public.productionDate'), lot?.productionDate ? labelDate(lot.productionDate) : tr('public.dpp.perLot'))}
${row(tr('public.expiryDate'), lot?.expiryDate ? labelDate(lot.expiryDate) : p.shelfLifeDays ? tr('public.days', { n: p.shelfLifeDays }) : tr('public.dpp.perLot'))}
</dl></section>
<section class="card" id="warnings"><h2>${tr('public.dpp.warnings')}</h2><p>${warnings ?? tr('public.dpp.noWarnings')}</p></section>
${others.length ? html`<section class="card" id="other"><h2>${tr('public.dpp.other')}</h2><dl class="stack">${others.map((i) => row(i.name, i.value))}</dl></section>` : ''}
<section class="card" id="history"><h2>${tr('public.dpp.history')}</h2>${
    history.length
      ? html`<ol class="timeline">${history.map(
          (h) =>
            html`<li>${h.version === current.version ? html`<strong>${tr('public.dpp.version', { n: h.version, date: labelDate(h.approvedAt) })} (${tr('public.dpp.current')})</strong>` : html`<a href="${withLang(`${base}?version=${h.version}`, lang)}">${tr('public.dpp.version', { n: h.version, date: labelDate(h.approvedAt) })}</a>`}</li>`,
        )}</ol>`
      : html`<p class="muted">${tr('public.dpp.versionPublished', { date: labelDate(current.approvedAt) })}</p>`
  }</section>
<p><a href="${withLang(`/epil${data.dlPath}`, lang)}">${tr('public.epil.label')}</a> · <a href="${base}?format=jsonld" type="application/ld+json">${tr('public.dpp.data')}</a></p>`;
  return layout({
    lang,
    title: `${p.name} — ${tr('public.dpp.title')}`,
    body,
    province: opts.province,
    switchHref: withLang(opts.selfPath, lang === 'vi' ? 'en' : 'vi'),
  });
}

/** The e-label: the physical label's text, item by item, printable as it is (decision 058). */
export function renderLabelPage(
  data: PassportPageData,
  opts: { lang: Lang; province: string; selfPath: string },
): string {
  const { lang } = opts;
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);
  const c = data.passport.current.content;
  const items = passportItems(data, lang);
  const group = c.group;
  const body = html`
<section class="card label" id="label"><h1>${c.product.name}</h1>
${group ? html`<p class="muted">${tr('public.epil.group', { name: lang === 'vi' ? group.nameVi : group.nameEn })}</p>` : ''}
${
  group
    ? html`<dl>${items.map((i) => html`<dt>${i.name}</dt><dd>${i.value ?? html`<span class="err">${tr('public.epil.missing')}</span>`}</dd>`)}</dl>`
    : html`<p>${tr('public.epil.noGroup')}</p><dl>${row(tr('public.gtin'), c.product.gtin)}${row(tr('public.producer'), data.organisation ? producerLine(producerOf(data.organisation)!, lang) : null)}</dl>`
}
${group?.legalBasis ? html`<p class="muted">${group.legalBasis}</p>` : ''}
</section>
<p class="noprint muted">${tr('public.epil.print')}</p>
<p class="noprint"><a href="${withLang(`/dpp${data.dlPath}`, lang)}">${tr('public.epil.passport')}</a></p>`;
  return layout({
    lang,
    title: `${c.product.name} — ${tr('public.epil.title')}`,
    body,
    province: opts.province,
    switchHref: withLang(opts.selfPath, lang === 'vi' ? 'en' : 'vi'),
  });
}
