import type { Lang } from '../platform/index.ts';
import type { auditLog } from './audit.schema.ts';
import { subjectOf } from './audit.subjects.ts';

type Words = Record<string, { vi: string; en: string }>;

/** What was done, as a phrase around the subject ({s}). */
const verbs: Words = {
  create: { vi: 'tạo {s}', en: 'created {s}' },
  capture: { vi: 'ghi nhận {s}', en: 'recorded {s}' },
  update: { vi: 'sửa {s}', en: 'edited {s}' },
  delete: { vi: 'xoá {s}', en: 'deleted {s}' },
  submit: { vi: 'gửi thẩm định {s}', en: 'submitted {s} for review' },
  approve: { vi: 'duyệt {s}', en: 'approved {s}' },
  return: { vi: 'trả lại {s}', en: 'returned {s}' },
  reject: { vi: 'từ chối {s}', en: 'rejected {s}' },
  reopen: { vi: 'mở lại bản nháp {s}', en: 'reopened {s} as a draft' },
  withdraw: { vi: 'gỡ công khai {s}', en: 'took {s} off the public pages' },
  'status:active': { vi: 'cho lưu hành lại {s}', en: 'put {s} back on sale' },
  'status:on_hold': { vi: 'tạm giữ {s}', en: 'put {s} on hold' },
  'status:recalled': { vi: 'thu hồi {s}', en: 'recalled {s}' },
  'status:destroyed': { vi: 'ghi nhận tiêu huỷ {s}', en: 'recorded the destruction of {s}' },
  activate: { vi: 'kích hoạt {s}', en: 'activated {s}' },
  deactivate: { vi: 'ngừng hoạt động {s}', en: 'deactivated {s}' },
  revoke: { vi: 'thu hồi {s}', en: 'revoked {s}' },
  print: { vi: 'in {s}', en: 'printed {s}' },
  reprint: { vi: 'in lại {s}', en: 'reprinted {s}' },
  register: { vi: 'đăng ký {s}', en: 'registered {s}' },
  disable: { vi: 'khoá {s}', en: 'disabled {s}' },
  enable: { vi: 'mở khoá {s}', en: 'enabled {s}' },
  'reset-password': { vi: 'đặt lại mật khẩu của {s}', en: 'reset the password of {s}' },
  'change-password': { vi: 'đổi mật khẩu của {s}', en: 'changed the password of {s}' },
  import: { vi: 'nhập từ tệp {s}', en: 'imported {s} from a file' },
  record: { vi: 'ghi nhận {s}', en: 'recorded {s}' },
  receive: { vi: 'nhận {s}', en: 'received {s}' },
  dispute: { vi: 'khiếu nại {s}', en: 'disputed {s}' },
  deny: { vi: 'từ chối {s}', en: 'denied {s}' },
  'note-from-capture': { vi: 'ghi nhận {s} từ sự kiện truy xuất', en: 'noted {s} from a traceability event' },
  'sign-in': { vi: 'đăng nhập', en: 'signed in' },
  retry: { vi: 'gửi lại {s}', en: 'retried {s}' },
  park: { vi: 'dừng gửi {s}', en: 'parked {s}' },
  'queue-all': { vi: 'gửi toàn bộ dữ liệu đã duyệt tới {s}', en: 'sent all approved data to {s}' },
};

/** What kind of record it was. */
const kinds: Words = {
  organisation: { vi: 'hồ sơ tổ chức', en: 'the organisation' },
  epcis_capture: { vi: 'một lần gửi sự kiện truy xuất', en: 'a capture of traceability events' },
  location: { vi: 'địa điểm', en: 'the location' },
  product: { vi: 'sản phẩm', en: 'the product' },
  lot: { vi: 'lô', en: 'lot' },
  organisation_certificate: { vi: 'chứng nhận', en: 'the certificate' },
  traceability_system: { vi: 'hệ thống truy xuất', en: 'the traceability system' },
  stamp_request: { vi: 'đề nghị cấp tem', en: 'the stamp request' },
  stamp_range: { vi: 'dải tem', en: 'the stamp range' },
  user: { vi: 'tài khoản', en: 'the account of' },
  api_key: { vi: 'khoá API', en: 'the API key' },
  diary_entry: { vi: 'mục nhật ký sản xuất', en: 'a diary entry' },
  stage: { vi: 'công đoạn', en: 'a stage' },
  shipment: { vi: 'lô hàng gửi đi', en: 'the shipment' },
  file: { vi: 'tệp', en: 'the file' },
  review_item: { vi: 'hồ sơ thẩm định', en: 'the review item' },
  sync_outbox: { vi: 'bản ghi gửi đi', en: 'the outgoing record' },
  sync_receiver: { vi: 'nơi nhận', en: 'the receiver' },
};

const roleNames: Words = {
  dost_admin: { vi: 'Quản trị Sở KH&CN', en: 'DOST administrator' },
  dost_reviewer: { vi: 'Thẩm định viên Sở KH&CN', en: 'DOST reviewer' },
  sector_officer: { vi: 'Cán bộ Sở chuyên ngành', en: 'sector officer' },
  commune_officer: { vi: 'Cán bộ UBND xã, phường', en: 'commune officer' },
  inspector: { vi: 'Thanh tra, kiểm tra', en: 'inspector' },
  org_owner: { vi: 'Chủ cơ sở', en: 'organisation owner' },
  org_staff: { vi: 'Nhân viên cơ sở', en: 'organisation staff' },
  api_client: { vi: 'Ứng dụng (khoá API)', en: 'application (API key)' },
};

const pick = (words: Words, key: string | null, lang: Lang) => (key && words[key] ? words[key][lang] : null);

/** dd/mm/yyyy HH:mm in Vietnam's time, whatever the server's zone. */
export function vietnamTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

type Row = typeof auditLog.$inferSelect;

/** Who acted: their name and the organisation they acted for (or their office), never an id. */
export function describeActor(row: Row, lang: Lang): string {
  if (row.actorKind === 'system' || !row.actorName) return lang === 'vi' ? 'Hệ thống' : 'The system';
  const where = row.actorOrganisation ?? pick(roleNames, row.actorRole, lang);
  const key = row.actorKind === 'apiKey' ? (lang === 'vi' ? 'khoá API ' : 'API key ') : '';
  return where ? `${key}${row.actorName} (${where})` : `${key}${row.actorName}`;
}

/** The record: its kind and its label ("lô CC2606-01 (Chôm chôm Bình Lộc)"). */
export function describeSubject(row: Row, lang: Lang): { kind: string; label: string | null; text: string } {
  const { entityType } = subjectOf(row);
  const kind = pick(kinds, entityType, lang) ?? (lang === 'vi' ? 'bản ghi' : 'a record');
  const label = row.subjectLabel;
  return { kind, label, text: label ? `${kind} ${label}` : kind };
}

/** The entry in words: "Nguyễn Văn A (HTX …) gửi thẩm định lô CC2606-01 lúc 05/06/2026 14:30". */
export function describeEntry(row: Row, lang: Lang): string {
  const subject = describeSubject(row, lang).text;
  const verb =
    pick(verbs, row.action, lang) ??
    (lang === 'vi' ? `thực hiện “${row.action}” với {s}` : `did “${row.action}” to {s}`);
  const when = vietnamTime(row.at);
  return `${describeActor(row, lang)} ${verb.replace('{s}', subject)} ${lang === 'vi' ? 'lúc' : 'on'} ${when}`;
}
