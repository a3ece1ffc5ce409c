/**
 * The label items TXNG knows where to read (decision 058): a product field, the producer's profile, the lot
 * printed on the pack, or the label's own text. An item a goods group names that is not here is label text too.
 * One list serves the e-label, the passport and the completeness check, so the three never disagree.
 */
export type ItemSource = 'product' | 'producer' | 'lot' | 'label';

export interface KnownItem {
  vi: string;
  en: string;
  source: ItemSource;
}

export const knownItems: Record<string, KnownItem> = {
  productName: { vi: 'Tên hàng hoá', en: 'Name of the goods', source: 'product' },
  gtin: { vi: 'Mã số sản phẩm (GTIN)', en: 'Product code (GTIN)', source: 'product' },
  responsibleParty: {
    vi: 'Tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm về hàng hoá',
    en: 'Name and address of the party responsible for the goods',
    source: 'producer',
  },
  origin: { vi: 'Xuất xứ hàng hoá', en: 'Origin of the goods', source: 'label' },
  netQuantity: { vi: 'Định lượng', en: 'Net quantity', source: 'product' },
  productionDate: { vi: 'Ngày sản xuất', en: 'Production date', source: 'lot' },
  packingDate: { vi: 'Ngày đóng gói', en: 'Packing date', source: 'lot' },
  expiry: { vi: 'Hạn sử dụng', en: 'Use by', source: 'product' },
  lotNumber: { vi: 'Số lô sản xuất', en: 'Lot number', source: 'lot' },
  ingredients: {
    vi: 'Thành phần hoặc thành phần định lượng',
    en: 'Ingredients or quantitative ingredients',
    source: 'label',
  },
  nutrition: {
    vi: 'Thành phần dinh dưỡng, giá trị dinh dưỡng',
    en: 'Nutrition information',
    source: 'label',
  },
  warnings: { vi: 'Thông tin, cảnh báo an toàn', en: 'Safety information and warnings', source: 'label' },
  usage: { vi: 'Hướng dẫn sử dụng', en: 'Directions for use', source: 'label' },
  storage: { vi: 'Hướng dẫn bảo quản', en: 'Storage instructions', source: 'label' },
  declaration: {
    vi: 'Số tự công bố / số tiếp nhận hồ sơ công bố',
    en: 'Self-declaration or notification number',
    source: 'product',
  },
  standards: { vi: 'Tiêu chuẩn, quy chuẩn áp dụng', en: 'Applied standards', source: 'product' },
  healthNotice: {
    vi: 'Dòng chữ bắt buộc của thực phẩm bảo vệ sức khoẻ',
    en: 'Mandatory statement of a health supplement',
    source: 'label',
  },
};

export const sourceOf = (key: string): ItemSource => knownItems[key]?.source ?? 'label';

/** What the product fields an item reads look like (the registry's product view, as approved). */
export interface LabelProduct {
  gtin: string;
  name: string;
  netQuantity: number | null;
  netQuantityUnit: string | null;
  unit: string | null;
  shelfLifeDays: number | null;
  conformityDeclaration: string | null;
  appliedStandards: string[];
}

/** A product field's value as the label prints it; null when the product does not say. */
export function productValue(key: string, p: LabelProduct, lang: 'vi' | 'en'): string | null {
  switch (key) {
    case 'productName':
      return p.name;
    case 'gtin':
      return p.gtin;
    case 'netQuantity':
      return p.netQuantity === null ? null : `${p.netQuantity} ${p.netQuantityUnit ?? p.unit ?? ''}`.trim();
    case 'expiry':
      if (p.shelfLifeDays === null) return null;
      return lang === 'vi'
        ? `${p.shelfLifeDays} ngày kể từ ngày sản xuất`
        : `${p.shelfLifeDays} days from the production date`;
    case 'declaration':
      return p.conformityDeclaration || null;
    case 'standards':
      return p.appliedStandards.length ? p.appliedStandards.join('; ') : null;
    default:
      return null;
  }
}
