import { canonicalId, Gs1Error, isValidGln, isValidGtin } from '../gs1/index.ts';
import { normaliseTaxCode } from '../registry/index.ts';
import { circularItem } from './national.items.ts';
import { publicImageUrl } from './public-url.ts';
import type { ReceiverReason, SyncItem } from './receiver.ts';

type Payload = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** "Thiếu Ảnh sản phẩm (mục 2 của Thông tư 02/2024)": a required item of the circular is not there. */
function missingItem(code: Parameters<typeof circularItem>[0], field: string): ReceiverReason {
  const item = circularItem(code);
  return {
    vi: `Thiếu ${item.vi.toLowerCase()} (mục ${item.number} của Thông tư 02/2024/TT-BKHCN).`,
    en: `The ${item.en} is missing (item ${item.number} of Circular 02/2024/TT-BKHCN).`,
    field,
  };
}

/** What the national portal requires of a GTIN: one of the GTIN lengths, digits, a right check digit. */
export function gtinReason(value: unknown, field = 'gtin'): ReceiverReason | null {
  const gtin = text(value);
  if (!gtin) return missingItem('traceability_code', field);
  if (!/^\d+$/.test(gtin) || ![8, 12, 13, 14].includes(gtin.length))
    return {
      vi: `Mã GTIN ${gtin} không đúng dạng: cần 8, 12, 13 hoặc 14 chữ số.`,
      en: `The GTIN ${gtin} is not a GTIN: it needs 8, 12, 13 or 14 digits.`,
      field,
    };
  if (!isValidGtin(gtin))
    return {
      vi: `Số kiểm tra của mã GTIN ${gtin} không đúng.`,
      en: `The check digit of the GTIN ${gtin} is wrong.`,
      field,
    };
  return null;
}

function imageReasons(product: Payload, baseUrl: string): ReceiverReason[] {
  const images = list(product.images).filter((i): i is string => typeof i === 'string' && !!i.trim());
  if (!images.length) return [missingItem('product_image', 'images')];
  return images.flatMap((raw, i) => {
    const image = publicImageUrl(raw, baseUrl);
    if (image.ok) return [];
    return [
      image.why === 'private'
        ? {
            vi: `Cổng quốc gia không tải được ảnh sản phẩm từ địa chỉ ${raw}: đó là địa chỉ nội bộ, không công khai trên Internet (kiểm tra TXNG_BASE_URL nếu ảnh do hệ thống lưu).`,
            en: `The national portal cannot fetch the product image at ${raw}: it is a local address, not public on the Internet (check TXNG_BASE_URL if the image is stored here).`,
            field: `images.${i}`,
          }
        : {
            vi: `Ảnh sản phẩm ${raw} không phải một địa chỉ http(s) đầy đủ mà Cổng quốc gia tải được.`,
            en: `The product image ${raw} is not a full http(s) address the national portal can fetch.`,
            field: `images.${i}`,
          },
    ];
  });
}

function organisationReasons(o: Payload): ReceiverReason[] {
  const reasons: ReceiverReason[] = [];
  if (!text(o.name)) reasons.push(missingItem('producer_name', 'name'));
  if (!text(o.streetAddress) || !text(o.communeCode))
    reasons.push(missingItem('producer_address', text(o.streetAddress) ? 'communeCode' : 'streetAddress'));
  if (!text(o.taxCode) || !normaliseTaxCode(text(o.taxCode)))
    reasons.push({
      vi: 'Mã số thuế thiếu hoặc không đúng: Cổng quốc gia kích hoạt hồ sơ doanh nghiệp theo mã số thuế.',
      en: 'The tax code is missing or not valid: the national portal activates the organisation profile by its tax code.',
      field: 'taxCode',
    });
  const glns = list(o.glns).filter((g): g is string => typeof g === 'string');
  if (!glns.length)
    reasons.push({
      vi: 'Chưa khai báo mã địa điểm toàn cầu (GLN) của tổ chức: Cổng quốc gia kích hoạt hồ sơ theo mã số thuế và GLN.',
      en: 'The organisation has no global location number (GLN): the national portal activates the profile by tax code and GLN.',
      field: 'glns',
    });
  glns.forEach((gln, i) => {
    if (!isValidGln(gln))
      reasons.push({
        vi: `Số kiểm tra của mã GLN ${gln} không đúng.`,
        en: `The check digit of the GLN ${gln} is wrong.`,
        field: `glns.${i}`,
      });
  });
  return reasons;
}

function productReasons(p: Payload, baseUrl: string): ReceiverReason[] {
  const reasons: ReceiverReason[] = [];
  if (!text(p.name)) reasons.push(missingItem('product_name', 'name'));
  reasons.push(...imageReasons(p, baseUrl));
  const gtin = gtinReason(p.gtin);
  if (gtin) reasons.push(gtin);
  if (!list(p.appliedStandards).some((s) => text(s)))
    reasons.push(missingItem('applied_standards', 'appliedStandards'));
  if (typeof p.netQuantity !== 'number' || !(p.netQuantity > 0))
    reasons.push({
      vi: 'Thiếu định lượng (khối lượng, thể tích tịnh) của sản phẩm: Cổng quốc gia yêu cầu định lượng và đơn vị.',
      en: "The product's net quantity is missing: the national portal requires the net quantity and its unit.",
      field: 'netQuantity',
    });
  if (!text(p.netQuantityUnit))
    reasons.push({
      vi: 'Thiếu đơn vị của định lượng (kg, g, l, ml …): Cổng quốc gia yêu cầu định lượng và đơn vị.',
      en: "The unit of the product's net quantity (kg, g, l, ml …) is missing: the national portal requires it.",
      field: 'netQuantityUnit',
    });
  return reasons;
}

function locationReasons(l: Payload): ReceiverReason[] {
  const gln = text(l.gln);
  if (!gln)
    return [
      {
        vi: 'Địa điểm chưa có mã GLN: mã truy vết địa điểm (mục 5 của Thông tư 02/2024/TT-BKHCN) là GLN theo TCVN 13274:2020.',
        en: 'The location has no GLN: the location trace code (item 5 of Circular 02/2024/TT-BKHCN) is a GLN under TCVN 13274:2020.',
        field: 'gln',
      },
    ];
  if (!isValidGln(gln))
    return [
      {
        vi: `Số kiểm tra của mã GLN ${gln} không đúng.`,
        en: `The check digit of the GLN ${gln} is wrong.`,
        field: 'gln',
      },
    ];
  return [];
}

function lotReasons(l: Payload): ReceiverReason[] {
  const reasons: ReceiverReason[] = [];
  const gtin = gtinReason(l.gtin);
  if (gtin) reasons.push(gtin);
  if (!text(l.lot)) reasons.push(missingItem('traceability_code', 'lot'));
  const made = text(l.productionDate);
  if (!made) reasons.push(missingItem('event_times', 'productionDate'));
  const expiry = text(l.expiryDate);
  if (made && expiry && expiry < made)
    reasons.push({
      vi: `Hạn sử dụng ${expiry} trước ngày sản xuất ${made}.`,
      en: `The expiry date ${expiry} is before the production date ${made}.`,
      field: 'expiryDate',
    });
  return reasons;
}

/** Every identifier an event names as what it is about (epcs, classes, parents, children, inputs, outputs). */
export function eventWhat(event: Payload): string[] {
  const epcs = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'].flatMap((k) => list(event[k]));
  const classes = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']
    .flatMap((k) => list(event[k]))
    .map((q) => (q && typeof q === 'object' ? (q as Payload).epcClass : null));
  return [event.parentID, ...epcs, ...classes].filter((v): v is string => typeof v === 'string' && !!v);
}

/** The GTINs an event names, each once: the portal files the event under each product's chain. */
export function eventGtins(event: Payload): string[] {
  const gtins = eventWhat(event).flatMap((id) => {
    try {
      const match = /\/01\/(\d{14})/.exec(canonicalId(id));
      return match ? [match[1]] : [];
    } catch (err) {
      if (err instanceof Gs1Error) return [];
      throw err;
    }
  });
  return [...new Set(gtins)];
}

function eventReasons(e: Payload): ReceiverReason[] {
  const reasons: ReceiverReason[] = [];
  if (!text(e.eventTime)) reasons.push(missingItem('event_times', 'eventTime'));
  if (!eventGtins(e).length)
    reasons.push({
      vi: 'Sự kiện không nêu mã truy vết sản phẩm (GTIN) nào: Cổng quốc gia xếp sự kiện vào chuỗi của từng sản phẩm (mục 5 của Thông tư 02/2024/TT-BKHCN).',
      en: 'The event names no product trace code (GTIN): the national portal files events in each product’s chain (item 5 of Circular 02/2024/TT-BKHCN).',
      field: 'epcList',
    });
  const where = (e.readPoint ?? e.bizLocation) as Payload | undefined;
  if (!where || !text(where.id))
    reasons.push({
      vi: 'Sự kiện không nêu mã truy vết địa điểm (nơi diễn ra): mục 5 của Thông tư 02/2024/TT-BKHCN.',
      en: 'The event names no location trace code (where it happened): item 5 of Circular 02/2024/TT-BKHCN.',
      field: 'readPoint',
    });
  return reasons;
}

/**
 * What the national portal requires before an item is queued (issue 14 §1): every reason it would be refused, each
 * naming its field in words. A withdrawal carries nothing to check: the portal only needs to know it.
 */
export function checkForNationalPortal(item: SyncItem, baseUrl: string): ReceiverReason[] {
  if (item.action === 'withdraw') return [];
  const payload = item.payload ?? {};
  switch (item.kind) {
    case 'organisation':
      return organisationReasons(payload);
    case 'product':
      return productReasons(payload, baseUrl);
    case 'location':
      return locationReasons(payload);
    case 'lot':
      return lotReasons(payload);
    case 'event':
      return eventReasons(payload);
    default:
      return [
        {
          vi: 'Cổng quốc gia không nhận loại bản ghi này.',
          en: 'The national portal does not take this kind of record.',
        },
      ];
  }
}
