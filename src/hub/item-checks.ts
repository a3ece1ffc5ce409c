import { isValidGtin } from '../gs1/index.ts';
import type { ReceiverReason } from '../sync/index.ts';
import type { SyncItemBody } from './hub.api.ts';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

const reasons = {
  key: {
    vi: 'Mã định danh lần gửi không khớp với loại, mã bản ghi và phiên bản',
    en: 'The delivery key does not match the kind, record id and version',
    field: 'key',
  },
  payload: {
    vi: 'Thiếu nội dung bản ghi được duyệt',
    en: 'The approved record is missing',
    field: 'payload',
  },
  gtin: {
    vi: 'Mã GTIN của sản phẩm không hợp lệ (sai độ dài hoặc số kiểm tra)',
    en: 'The product GTIN is not valid (wrong length or check digit)',
    field: 'gtin',
  },
  name: { vi: 'Thiếu tên', en: 'The name is missing', field: 'name' },
  lot: { vi: 'Thiếu số lô', en: 'The lot number is missing', field: 'lot' },
  serial: { vi: 'Thiếu số sê-ri của tem', en: 'The stamp serial is missing', field: 'serial' },
  eventType: {
    vi: 'Sự kiện thiếu loại hoặc thời điểm xảy ra',
    en: 'The event has no type or event time',
    field: 'eventTime',
  },
} satisfies Record<string, ReceiverReason>;

/**
 * Why the hub refuses an item as it is, or null when it takes it. A withdrawal needs no payload; an upsert needs
 * what the hub searches and resolves by (a product's valid GTIN and name, a lot's number).
 */
export function refusal(item: SyncItemBody): ReceiverReason | null {
  if (item.key !== `${item.kind}:${item.recordId}:${item.version}`) return reasons.key;
  if (item.action === 'withdraw') return null;
  const p = item.payload;
  if (!p) return reasons.payload;
  switch (item.kind) {
    case 'product':
      if (!text(p.gtin) || !isValidGtin(String(p.gtin))) return reasons.gtin;
      return text(p.name) ? null : reasons.name;
    case 'lot':
      if (!text(p.gtin) || !isValidGtin(String(p.gtin))) return reasons.gtin;
      return text(p.lot) ? null : reasons.lot;
    case 'stamp':
      if (!text(p.gtin) || !isValidGtin(String(p.gtin))) return reasons.gtin;
      return text(p.serial) ? null : reasons.serial;
    case 'organisation':
    case 'location':
      return text(p.name) ? null : reasons.name;
    case 'event':
      return text(p.type) && text(p.eventTime) ? null : reasons.eventType;
  }
}
