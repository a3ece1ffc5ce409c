import { type Lang, t } from '../platform/index.ts';
import type { Proof, ProofVerdict } from '../proofs/index.ts';
import { plainDate, withLang } from './consumer.page.ts';
import { html, layout } from './html.ts';
import './proof.messages.ts';

const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
const vnTime = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

const kindWords: Record<string, { vi: string; en: string }> = {
  product: { vi: 'sản phẩm', en: 'product' },
  lot: { vi: 'lô hàng', en: 'lot' },
  organisation: { vi: 'hồ sơ tổ chức', en: 'organisation' },
  location: { vi: 'địa điểm', en: 'location' },
  epcis_capture: { vi: 'một lần gửi sự kiện truy xuất', en: 'a capture of traceability events' },
};
const actionWords: Record<string, { vi: string; en: string }> = {
  approve: { vi: 'duyệt', en: 'approved' },
  capture: { vi: 'ghi nhận', en: 'recorded' },
  create: { vi: 'tạo', en: 'created' },
  update: { vi: 'sửa', en: 'edited' },
};

function what(proof: Proof, lang: Lang) {
  const action = actionWords[proof.record.action]?.[lang] ?? proof.record.action;
  const kind = kindWords[proof.record.entityType]?.[lang] ?? (lang === 'vi' ? 'bản ghi' : 'record');
  return `${action} ${kind}`;
}

/** A proof for people: verified or not in one line, then what was checked, then how to check it oneself. */
export function renderProofPage(opts: {
  lang: Lang;
  province: string;
  selfPath: string;
  proof: Proof;
  verdict: ProofVerdict;
  jsonUrl: string;
}): string {
  const { lang, proof, verdict } = opts;
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);
  const s = proof.checkpoint.statement;
  const body = html`<section class="card verdict ${verdict.valid ? 'v-genuine' : 'v-unknown'}" id="proof-verdict"><strong>${tr(verdict.valid ? 'proof.page.valid' : 'proof.page.invalid')}</strong>
${proof.event ? html`<p>${tr('proof.page.event')}</p>` : ''}
<p>${tr('proof.page.record', { what: what(proof, lang), when: vnTime(proof.record.at) })}</p>
<p>${tr('proof.page.signed', { seq: s.seq, province: s.province, date: plainDate(vnDay(s.issuedAt), lang) })}</p></section>
<section class="card"><h2>${tr('proof.page.steps')}</h2><ul id="proof-steps">${verdict.steps.map((step) => html`<li>${step.ok ? '✔' : '✘'} ${step.text}</li>`)}</ul>
<p class="muted">${tr('proof.page.why')}</p>
<p><a href="${opts.jsonUrl}" download>${tr('proof.page.download')}</a> · <a href="/api/proofs/public-key.pem">${tr('proof.page.key')}</a> · <a href="${withLang('/kiem-chung', lang)}">${tr('proof.list.title')}</a></p>
<p class="muted">${tr('proof.page.selfCheck')} <code>txng verify proof.json</code> <code>--key key.pem</code></p></section>`;
  return layout({
    lang,
    title: tr('proof.page.title'),
    province: opts.province,
    switchHref: withLang(opts.selfPath, lang === 'vi' ? 'en' : 'vi'),
    body,
  });
}

/** The checkpoints, newest first, with the key and the files to keep. */
export function renderCheckpointsPage(opts: {
  lang: Lang;
  province: string;
  selfPath: string;
  checkpoints: { seq: number; issuedAt: Date; records: number; fromId: number; toId: number }[];
  keyId: string | null;
}): string {
  const { lang } = opts;
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);
  const body = html`<section class="card"><h1>${tr('proof.list.title')}</h1><p>${tr('proof.list.intro')}</p>
<p><a href="/api/proofs/checkpoints/export">${tr('proof.list.export')}</a><br><a href="/api/proofs/public-key.pem">${tr('proof.list.keyFile')}</a>${opts.keyId ? html` <span class="muted">(${tr('proof.list.fingerprint')}: ${opts.keyId})</span>` : ''}</p></section>
<section class="card"><ol class="timeline" id="checkpoints">${
    opts.checkpoints.length
      ? opts.checkpoints.map(
          (c) =>
            html`<li><a href="/api/proofs/checkpoints/${c.seq}">${tr('proof.list.item', { seq: c.seq, date: plainDate(vnDay(c.issuedAt.toISOString()), lang), records: c.records, from: c.fromId + 1, to: c.toId })}</a></li>`,
        )
      : html`<li>${tr('proof.list.none')}</li>`
  }</ol></section>`;
  return layout({
    lang,
    title: tr('proof.list.title'),
    province: opts.province,
    switchHref: withLang(opts.selfPath, lang === 'vi' ? 'en' : 'vi'),
    body,
  });
}
