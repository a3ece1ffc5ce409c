import type { ReceiverReason } from './receiver.ts';

/**
 * The national portal's error answer as assumed in docs/sync-national.md: `{ "error": { "code", "field", "message",
 * "value" } }`, `field` in the portal's own names (`images[0]`, `lotNumber`).
 */
export interface PortalError {
  code: string;
  field?: string;
  message?: string;
  value?: string;
}

/** The portal's field names → the payload's (what the outbox screen points at) and the field in words. */
const fields: Record<string, { path: string; vi: string; en: string }> = {
  taxCode: { path: 'taxCode', vi: 'mã số thuế', en: 'tax code' },
  gln: { path: 'gln', vi: 'mã địa điểm toàn cầu (GLN)', en: 'global location number (GLN)' },
  name: { path: 'name', vi: 'tên', en: 'name' },
  address: { path: 'streetAddress', vi: 'địa chỉ', en: 'address' },
  gtin: { path: 'gtin', vi: 'mã GTIN', en: 'GTIN' },
  images: { path: 'images', vi: 'ảnh sản phẩm', en: 'product image' },
  group: { path: 'productGroup', vi: 'nhóm sản phẩm', en: 'product group' },
  unit: { path: 'unit', vi: 'đơn vị tính', en: 'unit' },
  netQuantity: { path: 'netQuantity', vi: 'định lượng', en: 'net quantity' },
  netQuantityUnit: { path: 'netQuantityUnit', vi: 'đơn vị của định lượng', en: 'unit of the net quantity' },
  origin: { path: 'origin', vi: 'xuất xứ', en: 'origin' },
  standards: { path: 'appliedStandards', vi: 'tiêu chuẩn áp dụng', en: 'applied standards' },
  lotNumber: { path: 'lot', vi: 'số lô', en: 'lot number' },
  productionDate: { path: 'productionDate', vi: 'ngày sản xuất', en: 'production date' },
  expiryDate: { path: 'expiryDate', vi: 'hạn sử dụng', en: 'expiry date' },
  eventTime: { path: 'eventTime', vi: 'thời gian của sự kiện', en: 'event time' },
  chains: { path: 'epcList', vi: 'mã truy vết sản phẩm của sự kiện', en: "event's product trace codes" },
};

/** `images[2]` → the images field in words, and `images.2` as the payload's path. */
function fieldOf(portalField: string | undefined) {
  if (!portalField) return null;
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(portalField);
  const known = match ? fields[match[1]] : undefined;
  if (!known) return { path: portalField, vi: portalField, en: portalField };
  return { ...known, path: match?.[2] !== undefined ? `${known.path}.${match[2]}` : known.path };
}

/** What the portal says is wrong with an item, as a department officer reads it. */
export function portalErrorReason(error: PortalError): ReceiverReason {
  const field = fieldOf(error.field);
  const value = error.value ?? '';
  const at = field ? { field: field.path } : {};
  switch (error.code) {
    case 'GTIN_CHECK_DIGIT':
      return {
        vi: `Số kiểm tra của mã GTIN ${value} không đúng (Cổng quốc gia từ chối).`,
        en: `The check digit of the GTIN ${value} is wrong (refused by the national portal).`,
        field: field?.path ?? 'gtin',
      };
    case 'GLN_CHECK_DIGIT':
      return {
        vi: `Số kiểm tra của mã GLN ${value} không đúng (Cổng quốc gia từ chối).`,
        en: `The check digit of the GLN ${value} is wrong (refused by the national portal).`,
        field: field?.path ?? 'gln',
      };
    case 'IMAGE_UNREACHABLE':
      return {
        vi: `Cổng quốc gia không tải được ảnh sản phẩm từ địa chỉ ${value}. Hãy kiểm tra ảnh còn đó và mở được từ Internet.`,
        en: `The national portal could not fetch the product image at ${value}. Check that the image is there and reachable from the Internet.`,
        field: field?.path ?? 'images',
      };
    case 'TAX_CODE_NOT_REGISTERED':
      return {
        vi: `Cổng quốc gia chưa có hồ sơ doanh nghiệp với mã số thuế ${value}: tổ chức cần đăng ký tài khoản trên Cổng quốc gia trước khi Sở kích hoạt.`,
        en: `The national portal has no organisation profile with the tax code ${value}: the organisation must register on the portal before the department activates it.`,
        field: 'taxCode',
      };
    case 'GLN_MISMATCH':
      return {
        vi: `Mã GLN ${value} không khớp với hồ sơ của mã số thuế này trên Cổng quốc gia, nên hồ sơ không kích hoạt được.`,
        en: `The GLN ${value} does not match the portal's profile for this tax code, so the profile cannot be activated.`,
        field: 'glns',
      };
    case 'GTIN_NOT_OWNED':
      return {
        vi: `Mã GTIN ${value} không thuộc mã doanh nghiệp GS1 của tổ chức theo Cổng quốc gia.`,
        en: `The GTIN ${value} does not belong to the organisation's GS1 company prefix, says the national portal.`,
        field: 'gtin',
      };
    case 'REQUIRED':
      return {
        vi: `Cổng quốc gia báo thiếu ${field?.vi ?? 'một thông tin bắt buộc'}.`,
        en: `The national portal says the ${field?.en ?? 'required information'} is missing.`,
        ...at,
      };
    default:
      return {
        vi: `Cổng quốc gia từ chối ${field ? `trường ${field.vi}` : 'bản ghi'}: ${error.message ?? error.code}.`,
        en: `The national portal refused the ${field ? `${field.en}` : 'record'}: ${error.message ?? error.code}.`,
        ...at,
      };
  }
}

/** Answers that mean "not yet": a record this one refers to has not reached the portal (or been activated) yet. */
export function waitingReason(error: PortalError): ReceiverReason | null {
  if (error.code === 'ORGANIZATION_NOT_ACTIVE')
    return {
      vi: 'Hồ sơ tổ chức chưa được kích hoạt trên Cổng quốc gia; bản ghi sẽ được gửi lại sau khi hồ sơ được kích hoạt.',
      en: "The organisation's profile is not active on the national portal yet; the record is sent again once it is.",
    };
  if (error.code === 'REFERENCE_NOT_FOUND')
    return {
      vi: `Cổng quốc gia chưa có ${fieldOf(error.field)?.vi ?? 'bản ghi'} mà bản ghi này nhắc tới; sẽ gửi lại sau.`,
      en: `The national portal does not have the ${fieldOf(error.field)?.en ?? 'record'} this one refers to yet; it will be sent again.`,
    };
  return null;
}
