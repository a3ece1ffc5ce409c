import type { Lang } from '../platform/index.ts';
import { vietnamTime } from './audit.words.ts';

type Words = Record<string, { vi: string; en: string }>;

/** Field names people read; a field not named here is shown by its key split into words. */
const fields: Words = {
  name: { vi: 'Tên', en: 'Name' },
  lot: { vi: 'Mã lô', en: 'Lot code' },
  gtin: { vi: 'Mã GTIN', en: 'GTIN' },
  gln: { vi: 'Mã GLN', en: 'GLN' },
  glns: { vi: 'Mã GLN', en: 'GLNs' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  attempts: { vi: 'Số lần đã gửi', en: 'Tries' },
  state: { vi: 'Tình trạng', en: 'State' },
  approvedQuantity: { vi: 'Số lượng được duyệt', en: 'Approved quantity' },
  status: { vi: 'Trạng thái', en: 'Status' },
  reviewStatus: { vi: 'Trạng thái thẩm định', en: 'Review status' },
  reviewNote: { vi: 'Ghi chú thẩm định', en: 'Review note' },
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú', en: 'Note' },
  published: { vi: 'Đang công khai', en: 'Public' },
  productionDate: { vi: 'Ngày sản xuất', en: 'Production date' },
  expiryDate: { vi: 'Hạn sử dụng', en: 'Expiry date' },
  brand: { vi: 'Nhãn hiệu', en: 'Brand' },
  description: { vi: 'Mô tả', en: 'Description' },
  productGroup: { vi: 'Nhóm sản phẩm', en: 'Product group' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  riskTier: { vi: 'Mức độ rủi ro', en: 'Risk tier' },
  modelCode: { vi: 'Mã kiểu', en: 'Model code' },
  netQuantity: { vi: 'Định lượng', en: 'Net quantity' },
  shelfLifeDays: { vi: 'Hạn dùng (ngày)', en: 'Shelf life (days)' },
  ocopStars: { vi: 'Hạng OCOP (sao)', en: 'OCOP stars' },
  ocopDecision: { vi: 'Quyết định OCOP', en: 'OCOP decision' },
  ocopValidUntil: { vi: 'OCOP hiệu lực đến', en: 'OCOP valid until' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  type: { vi: 'Loại', en: 'Type' },
  email: { vi: 'Email', en: 'Email' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  representative: { vi: 'Người đại diện', en: 'Representative' },
  streetAddress: { vi: 'Địa chỉ', en: 'Street address' },
  communeCode: { vi: 'Mã xã, phường', en: 'Commune code' },
  communes: { vi: 'Xã, phường phụ trách', en: 'Communes' },
  gs1CompanyPrefixes: { vi: 'Mã doanh nghiệp GS1', en: 'GS1 company prefixes' },
  latitude: { vi: 'Vĩ độ', en: 'Latitude' },
  longitude: { vi: 'Kinh độ', en: 'Longitude' },
  areaHectares: { vi: 'Diện tích (ha)', en: 'Area (ha)' },
  growingAreaCode: { vi: 'Mã vùng trồng', en: 'Growing area code' },
  internalCode: { vi: 'Mã nội bộ', en: 'Internal code' },
  kind: { vi: 'Loại', en: 'Kind' },
  issuer: { vi: 'Nơi cấp', en: 'Issuer' },
  number: { vi: 'Số', en: 'Number' },
  validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
  validTo: { vi: 'Hiệu lực đến', en: 'Valid to' },
  role: { vi: 'Vai trò', en: 'Role' },
  disabled: { vi: 'Bị khoá', en: 'Disabled' },
  season: { vi: 'Mùa vụ', en: 'Season' },
  entryDate: { vi: 'Ngày ghi', en: 'Entry date' },
  inputName: { vi: 'Vật tư', en: 'Input' },
  dose: { vi: 'Liều lượng', en: 'Dose' },
  activeIngredient: { vi: 'Hoạt chất', en: 'Active ingredient' },
  withdrawalDays: { vi: 'Thời gian cách ly (ngày)', en: 'Withdrawal interval (days)' },
  provider: { vi: 'Nhà cung cấp', en: 'Provider' },
  conformity: { vi: 'Mức phù hợp', en: 'Conformity' },
  connectedToNational: { vi: 'Kết nối cổng quốc gia', en: 'Connected to the national portal' },
  connectedToProvince: { vi: 'Kết nối hệ thống tỉnh', en: 'Connected to the province' },
  standards: { vi: 'Tiêu chuẩn áp dụng', en: 'Standards' },
  runs: { vi: 'Số sê-ri', en: 'Serial numbers' },
  stage: { vi: 'Công đoạn', en: 'Stage' },
};

/** Ids, hashes, bookkeeping and the kept public copy: nothing a reader weighs, never shown. */
const hidden = new Set([
  'id',
  'organisationId',
  'productId',
  'locationId',
  'inputLotIds',
  'shipmentId',
  'photoFileIds',
  'images',
  'polygon',
  'eventId',
  'captureId',
  'entityId',
  'entityType',
  'createdAt',
  'updatedAt',
  'createdBy',
  'requestedBy',
  'decidedBy',
  'lastSignInAt',
  'publishedRow',
  'passwordHash',
  'keyHash',
  'tokenHash',
  'secret',
  'locked',
]);

/** Coded values in words: statuses, sectors, units by name. */
const values: Words = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Chờ thẩm định', en: 'Submitted' },
  pending: { vi: 'Đang chờ', en: 'Pending' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  active: { vi: 'Đang lưu hành', en: 'Active' },
  on_hold: { vi: 'Tạm giữ', en: 'On hold' },
  recalled: { vi: 'Thu hồi', en: 'Recalled' },
  destroyed: { vi: 'Đã huỷ', en: 'Destroyed' },
  queued: { vi: 'Chờ gửi', en: 'Waiting to be sent' },
  held: { vi: 'Bị giữ lại', en: 'Held back' },
  failed: { vi: 'Không thành công', en: 'Failed' },
  agriculture: { vi: 'Nông nghiệp và Môi trường', en: 'Agriculture and environment' },
  industry_trade: { vi: 'Công Thương', en: 'Industry and trade' },
  health: { vi: 'Y tế', en: 'Health' },
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  household: { vi: 'Hộ kinh doanh', en: 'Household business' },
  KGM: { vi: 'kg', en: 'kg' },
  GRM: { vi: 'g', en: 'g' },
  TNE: { vi: 'tấn', en: 'tonnes' },
  LTR: { vi: 'lít', en: 'litres' },
  MLT: { vi: 'ml', en: 'ml' },
  H87: { vi: 'cái, hộp', en: 'pieces' },
};
const codedFields = new Set(['status', 'state', 'reviewStatus', 'sector', 'riskTier', 'type', 'unit']);

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One value as words: dates as dd/mm/yyyy, times in Vietnam's, yes/no, codes by name, lists joined. */
export function formatValue(field: string, value: unknown, lang: Lang): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean')
    return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
  if (typeof value === 'number') return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  if (typeof value === 'string') {
    if (codedFields.has(field) && values[value]) return values[value][lang];
    if (isoDate.test(value)) return value.split('-').reverse().join('/');
    if (isoDateTime.test(value) && !Number.isNaN(Date.parse(value))) return vietnamTime(new Date(value));
    if (uuidLike.test(value)) return null;
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => formatRun(v) ?? formatValue(field, v, lang)).filter((v) => v !== null);
    return items.length ? items.join(', ') : null;
  }
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !hidden.has(key))
    .map(([key, v]) => {
      const text = formatValue(key, v, lang);
      return text === null ? null : `${labelOf(key, lang)}: ${text}`;
    })
    .filter((v) => v !== null);
  return parts.length ? parts.join('; ') : null;
}

function formatRun(value: unknown): string | null {
  if (!value || typeof value !== 'object' || !('firstSerial' in value)) return null;
  const run = value as { firstSerial: number; lastSerial: number };
  return `${run.firstSerial}–${run.lastSerial}`;
}

function labelOf(field: string, lang: Lang): string {
  if (fields[field]) return fields[field][lang];
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * Before and after, field by field: only what changed (a created record shows what it was created with), named
 * in the reader's language, values in words; ids and bookkeeping left out.
 */
export function describeChanges(before: unknown, after: unknown, lang: Lang): FieldChange[] {
  const was = asObject(before);
  const is = asObject(after);
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((key) => !hidden.has(key));
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const from = formatValue(field, was[field], lang);
    const to = formatValue(field, is[field], lang);
    if (from === to) continue;
    changes.push({ field, label: labelOf(field, lang), before: from, after: to });
  }
  return changes;
}
