import type { Lang } from '../platform/index.ts';
import { type Html, html } from '../public/index.ts';
import { hubPage, localMoment } from './hub.layout.ts';
import type { HubCopy } from './hub-copy.service.ts';

const steps: Record<string, [string, string]> = {
  commissioning: ['Sản xuất, đóng gói ban đầu', 'Produced'],
  harvesting: ['Thu hoạch', 'Harvested'],
  growing: ['Chăm sóc, nuôi trồng', 'Grown'],
  packing: ['Đóng gói', 'Packed'],
  shipping: ['Vận chuyển đi', 'Shipped'],
  receiving: ['Nhận hàng', 'Received'],
  storing: ['Lưu kho', 'Stored'],
  transforming: ['Chế biến', 'Processed'],
  retail_selling: ['Bán lẻ', 'Sold'],
};

function stepLabel(payload: Record<string, unknown>, lang: Lang): string {
  const short = String(payload.bizStep ?? '').replace(/^.*(BizStep-|bizstep:|\/)/, '');
  const key = payload.type === 'TransformationEvent' ? 'transforming' : short;
  const found = steps[key];
  if (found) return lang === 'vi' ? found[0] : found[1];
  return lang === 'vi' ? 'Công đoạn khác' : 'Other step';
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A day the province wrote as `2026-12-01`, as people read it (`01/12/2026`). */
const day = (v: unknown) => {
  const s = text(v);
  const m = s && /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
};

const lotWarnings: Record<string, [string, string]> = {
  recalled: [
    'Lô hàng này đã bị thu hồi. Không sử dụng sản phẩm.',
    'This lot has been recalled. Do not use it.',
  ],
  on_hold: ['Lô hàng này đang bị tạm giữ để kiểm tra.', 'This lot is on hold for checks.'],
  destroyed: ['Lô hàng này đã bị tiêu huỷ.', 'This lot has been destroyed.'],
};

function warnings(copy: HubCopy, lang: Lang): Html[] {
  const vi = lang === 'vi';
  const out: Html[] = [];
  const say = (title: string, why: string | null) =>
    out.push(html`<div class="notice bad" role="alert"><strong>${title}</strong>${why}</div>`);
  const status = text(copy.lot?.payload?.status);
  if (copy.lot?.withdrawn)
    say(
      vi ? 'Lô hàng này không còn được công bố.' : 'This lot is no longer published.',
      copy.lot.withdrawalReason,
    );
  else if (status && lotWarnings[status]) say(lotWarnings[status][vi ? 0 : 1], null);
  if (copy.product?.withdrawn)
    say(
      vi ? 'Sản phẩm này không còn được công bố.' : 'This product is no longer published.',
      copy.product.withdrawalReason,
    );
  const state = text(copy.stamp?.payload?.state);
  if (copy.stamp?.withdrawn || state === 'revoked' || state === 'deactivated')
    say(
      vi ? 'Tem này đã bị thu hồi hoặc ngừng sử dụng.' : 'This stamp has been revoked or deactivated.',
      copy.stamp?.withdrawalReason ?? null,
    );
  return out;
}

/**
 * The hub's copy of a province's code, served when the province does not answer: says plainly that it is the
 * hub's copy and as of when, then what the province last sent (product, producer, lot, stamp, steps).
 */
export function hubCopyPage(copy: HubCopy, lang: Lang, path: string): string {
  const vi = lang === 'vi';
  const p = copy.product?.withdrawn ? null : copy.product?.payload;
  const lot = copy.lot?.withdrawn ? null : copy.lot?.payload;
  const org = copy.producer?.payload;
  const name = text(p?.name) ?? text(lot?.productName) ?? (vi ? 'Sản phẩm' : 'Product');
  const address = [text(org?.streetAddress), text(org?.communeName)].filter(Boolean).join(', ');
  const fact = (label: string, value: string | null) =>
    value ? html`<dt>${label}</dt><dd>${value}</dd>` : null;
  const body = html`
    <div class="notice" role="status"><strong>${vi ? 'Bản sao tại trục quốc gia' : 'The national hub’s copy'}</strong>${
      vi
        ? `Trang của ${copy.node.name} tạm thời không truy cập được. Thông tin dưới đây là bản sao tỉnh đã gửi lên trục quốc gia, cập nhật lúc ${localMoment(copy.asOf, lang)}.`
        : `${copy.node.name}’s own page cannot be reached right now. Below is the copy the province sent to the national hub, as of ${localMoment(copy.asOf, lang)}.`
    }</div>
    ${warnings(copy, lang)}
    <h1>${name}</h1>
    <section class="card"><dl class="facts">
      ${fact(vi ? 'Mã GTIN' : 'GTIN', text(copy.product?.gtin ?? copy.lot?.gtin ?? copy.stamp?.gtin))}
      ${fact(vi ? 'Số lô' : 'Lot', text(copy.lot?.lot ?? copy.stamp?.lot))}
      ${fact(vi ? 'Số sê-ri' : 'Serial', text(copy.stamp?.payload?.serial))}
      ${fact(vi ? 'Ngày sản xuất' : 'Produced on', day(lot?.productionDate))}
      ${fact(vi ? 'Hạn sử dụng' : 'Use by', day(lot?.expiryDate))}
      ${fact(vi ? 'Nhãn hiệu' : 'Brand', text(p?.brand))}
      ${fact(vi ? 'Tiêu chuẩn áp dụng' : 'Standards', text(p?.appliedStandards))}
      ${fact(vi ? 'Tỉnh, thành phố' : 'Province', copy.node.name)}
    </dl>${text(p?.description) ? html`<p>${text(p?.description)}</p>` : null}</section>
    ${
      org
        ? html`<section class="card"><h2>${vi ? 'Nhà sản xuất' : 'Producer'}</h2><dl class="facts">
      ${fact(vi ? 'Tên' : 'Name', text(org.name))}
      ${fact(vi ? 'Địa chỉ' : 'Address', address || null)}
      ${fact(vi ? 'Mã số thuế' : 'Tax code', text(org.taxCode))}
    </dl></section>`
        : null
    }
    ${
      copy.events.length
        ? html`<section class="card"><h2>${vi ? 'Hành trình' : 'Journey'}</h2><ol class="steps">${copy.events.map(
            (e) =>
              html`<li><strong>${stepLabel(e.payload, lang)}</strong>${
                e.eventTime ? html` <span class="muted">${localMoment(e.eventTime, lang)}</span>` : null
              }</li>`,
          )}</ol></section>`
        : null
    }
    <p class="muted">${
      vi
        ? 'Khi trang của tỉnh hoạt động trở lại, quét lại mã để xem đầy đủ thông tin.'
        : 'Once the province’s page is back, scan the code again for everything it shows.'
    }</p>`;
  return hubPage({ lang, title: `${name} — ${vi ? 'bản sao tại trục quốc gia' : 'hub copy'}`, path, body });
}

/** A code no province sent, or a path that is no code. */
export function hubCodeMissingPage(lang: Lang, path: string, malformed: boolean): string {
  const vi = lang === 'vi';
  const title = malformed
    ? vi
      ? 'Mã không đọc được'
      : 'This code cannot be read'
    : vi
      ? 'Không tìm thấy mã này'
      : 'Code not found';
  const why = malformed
    ? vi
      ? 'Địa chỉ này không phải là một mã truy xuất đúng chuẩn GS1.'
      : 'This address is not a well-formed GS1 traceability code.'
    : vi
      ? 'Chưa tỉnh, thành phố nào gửi mã này lên trục quốc gia. Hãy kiểm tra lại mã trên bao bì, hoặc tìm sản phẩm theo tên.'
      : 'No province has sent this code to the national hub. Check the code on the pack, or search the product by name.';
  return hubPage({
    lang,
    title,
    path,
    body: html`<div class="notice bad"><strong>${title}</strong>${why}</div><p><a class="btn" href="${vi ? '/' : '/?lang=en'}">${vi ? 'Tìm sản phẩm' : 'Search products'}</a></p>`,
  });
}
