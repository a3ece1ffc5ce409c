import type { Lang } from '../platform/index.ts';
import { html } from '../public/index.ts';
import type { DashboardView } from './hub.api.ts';
import { duration, hubPage, localMoment } from './hub.layout.ts';

const kinds: [string, string, string][] = [
  ['organisation', 'Tổ chức', 'Organisations'],
  ['location', 'Địa điểm', 'Locations'],
  ['product', 'Sản phẩm', 'Products'],
  ['lot', 'Lô hàng', 'Lots'],
  ['event', 'Sự kiện', 'Events'],
  ['stamp', 'Tem', 'Stamps'],
];

/** A province that has said nothing for this long is flagged: the outbox retries far more often than this. */
const quietAfterSeconds = 24 * 3600;

const n = (value: number, lang: Lang) => value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

function province(node: DashboardView['nodes'][number], lang: Lang) {
  const vi = lang === 'vi';
  const lastAt = node.lastDeliveryAt ? new Date(node.lastDeliveryAt) : null;
  const state = node.revokedAt
    ? html`<span class="tag warn">${vi ? 'Đã tắt' : 'Disabled'}</span>`
    : !lastAt
      ? html`<span class="tag warn">${vi ? 'Chưa gửi lần nào' : 'Nothing sent yet'}</span>`
      : (node.silentSeconds ?? 0) > quietAfterSeconds
        ? html`<span class="tag warn">${vi ? 'Lâu chưa gửi' : 'Quiet for long'}</span>`
        : html`<span class="tag ok">${vi ? 'Đang gửi đều' : 'Delivering'}</span>`;
  return html`<section class="card"><h2>${node.name} ${state}</h2>
    <dl class="facts">
      <dt>${vi ? 'Lần gửi gần nhất' : 'Last delivery'}</dt><dd>${
        lastAt
          ? `${localMoment(lastAt, lang)} (${vi ? `${duration(node.silentSeconds ?? 0, lang)} trước` : `${duration(node.silentSeconds ?? 0, lang)} ago`})`
          : '—'
      }</dd>
      <dt>${vi ? 'Độ trễ' : 'Lag'}</dt><dd>${
        node.lagSeconds === null
          ? '—'
          : vi
            ? `${duration(node.lagSeconds, lang)} từ khi tỉnh ghi nhận đến khi trục nhận`
            : `${duration(node.lagSeconds, lang)} from the province recording it to the hub receiving it`
      }</dd>
      <dt>${vi ? 'Số lần gửi' : 'Deliveries'}</dt><dd>${n(node.deliveries, lang)}</dd>
      <dt>${vi ? 'Bản ghi bị từ chối' : 'Records refused'}</dt><dd>${n(node.rejected, lang)}</dd>
      <dt>${vi ? 'Đã rút khỏi công bố' : 'Withdrawn'}</dt><dd>${n(node.withdrawn, lang)}</dd>
      <dt>${vi ? 'Địa chỉ của tỉnh' : 'Province address'}</dt><dd>${node.baseUrl}</dd>
    </dl>
    <ul class="counts">${kinds.map(
      ([k, v, e]) => html`<li><strong>${n(node.counts[k] ?? 0, lang)}</strong>${vi ? v : e}</li>`,
    )}</ul>
    ${
      node.lastRejections.length
        ? html`<h3>${vi ? 'Lý do từ chối gần đây' : 'Recent refusals'}</h3><ul>${node.lastRejections.map(
            (r) =>
              html`<li>${vi ? r.vi : r.en} <span class="muted">${localMoment(new Date(r.at), lang)}</span></li>`,
          )}</ul>`
        : null
    }</section>`;
}

/** The hub dashboard (issue 14 §3): each province, what it sent by kind, its last delivery, lag and refusals. */
export function dashboardPageHtml(view: DashboardView, lang: Lang, path: string): string {
  const vi = lang === 'vi';
  const body = html`<h1>${vi ? 'Tình hình gửi dữ liệu của các tỉnh' : 'What the provinces deliver'}</h1>
    <p class="muted">${vi ? 'Số liệu lúc' : 'As of'} ${localMoment(new Date(view.generatedAt), lang)}. ${
      vi ? 'Số bản ghi đang công bố, theo loại.' : 'Published records, by kind.'
    }</p>
    ${
      view.nodes.length
        ? html`<div class="provinces">${view.nodes.map((node) => province(node, lang))}</div>`
        : html`<div class="card"><h2>${vi ? 'Chưa có tỉnh nào' : 'No province yet'}</h2><p>${
            vi
              ? 'Đăng ký tỉnh bằng lệnh “txng hub add-node” rồi gửi khoá cho tỉnh.'
              : 'Register a province with “txng hub add-node” and hand it its key.'
          }</p></div>`
    }`;
  return hubPage({ lang, title: vi ? 'Bảng điều khiển trục quốc gia' : 'Hub dashboard', path, body });
}

/** Who may not see the dashboard is told in words, with the way to sign in. */
export function dashboardClosedHtml(lang: Lang, path: string, signedIn: boolean): string {
  const vi = lang === 'vi';
  const body = html`<div class="notice bad"><strong>${
    signedIn
      ? vi
        ? 'Trang này dành cho quản trị viên trục quốc gia'
        : 'This page is for the hub’s administrators'
      : vi
        ? 'Cần đăng nhập'
        : 'Please sign in'
  }</strong>${
    signedIn
      ? vi
        ? 'Tài khoản của bạn không có quyền xem bảng điều khiển.'
        : 'Your account may not see the dashboard.'
      : vi
        ? 'Đăng nhập bằng tài khoản quản trị rồi mở lại trang này.'
        : 'Sign in with an administrator account, then open this page again.'
  }</div>${signedIn ? null : html`<p><a class="btn" href="/app/sign-in">${vi ? 'Đăng nhập' : 'Sign in'}</a></p>`}`;
  return hubPage({ lang, title: vi ? 'Bảng điều khiển trục quốc gia' : 'Hub dashboard', path, body });
}
