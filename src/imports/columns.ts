/**
 * The columns of each importable entity. Templates and exports head each column with its Vietnamese name (`vi`);
 * a file may head it with that name, its English one or its technical key (what templates carried before, and
 * what existing users' files still hold): see `columnKeys`.
 */
export interface Column {
  key: string;
  /** the header of templates and exports, and the column's name in error messages */
  vi: string;
  en: string;
  required?: boolean;
  example: string | number;
}

export const importKinds = ['products', 'lots', 'events'] as const;
export type ImportKind = (typeof importKinds)[number];

export const columns: Record<ImportKind, Column[]> = {
  products: [
    {
      key: 'gtin',
      vi: 'Mã GTIN (8/12/13/14 số)',
      en: 'GTIN (8/12/13/14 digits)',
      required: true,
      example: '8930000000019',
    },
    { key: 'name', vi: 'Tên sản phẩm', en: 'Product name', required: true, example: 'Chôm chôm Long Khánh' },
    { key: 'brand', vi: 'Nhãn hiệu', en: 'Brand', example: 'Vườn Xanh' },
    { key: 'model_code', vi: 'Mã kiểu', en: 'Model code', example: 'CC-1KG' },
    { key: 'product_group', vi: 'Nhóm sản phẩm', en: 'Product group', example: 'Trái cây' },
    { key: 'unit', vi: 'Đơn vị tính', en: 'Unit', example: 'hộp' },
    { key: 'net_quantity', vi: 'Định lượng', en: 'Net quantity', example: 1 },
    { key: 'net_quantity_unit', vi: 'Đơn vị định lượng', en: 'Net quantity unit', example: 'kg' },
    { key: 'shelf_life_days', vi: 'Hạn dùng (ngày)', en: 'Shelf life (days)', example: 10 },
    {
      key: 'applied_standards',
      vi: 'Tiêu chuẩn áp dụng (cách nhau bởi ;)',
      en: 'Applied standards (separated by ;)',
      example: 'VietGAP; TCVN 11888:2017',
    },
    { key: 'description', vi: 'Mô tả', en: 'Description', example: '' },
  ],
  lots: [
    { key: 'gtin', vi: 'Mã GTIN của sản phẩm', en: 'Product GTIN', required: true, example: '8930000000019' },
    { key: 'lot', vi: 'Số lô', en: 'Lot number', required: true, example: 'CC2026-001' },
    {
      key: 'production_date',
      vi: 'Ngày sản xuất (dd/mm/yyyy)',
      en: 'Production date (dd/mm/yyyy)',
      example: '01/06/2026',
    },
    {
      key: 'expiry_date',
      vi: 'Hạn sử dụng (dd/mm/yyyy)',
      en: 'Expiry date (dd/mm/yyyy)',
      example: '11/06/2026',
    },
    { key: 'quantity', vi: 'Số lượng', en: 'Quantity', example: 500 },
    { key: 'unit', vi: 'Đơn vị (kg, tấn, lít, cái…)', en: 'Unit (kg, t, l, pcs…)', example: 'kg' },
    {
      key: 'location',
      vi: 'Địa điểm sản xuất (GLN, mã hoặc tên)',
      en: 'Producing location (GLN, code or name)',
      example: '',
    },
  ],
  events: [
    {
      key: 'stage',
      vi: 'Công đoạn (thu hoạch, sơ chế, chế biến, đóng gói, lưu kho, xuất hàng, nhận hàng, bán)',
      en: 'Stage (harvest, preprocess, process, pack, store, ship, receive, sell)',
      required: true,
      example: 'thu hoạch',
    },
    {
      key: 'event_time',
      vi: 'Thời điểm (dd/mm/yyyy HH:mm, giờ Việt Nam)',
      en: 'Time (dd/mm/yyyy HH:mm, Vietnam time)',
      required: true,
      example: '01/06/2026 07:30',
    },
    {
      key: 'location',
      vi: 'Địa điểm (GLN, mã hoặc tên)',
      en: 'Location (GLN, code or name)',
      required: true,
      example: '',
    },
    {
      key: 'gtin',
      vi: 'GTIN (lô đầu ra / hàng hóa)',
      en: 'GTIN (output lot / goods)',
      required: true,
      example: '8930000000019',
    },
    { key: 'lot', vi: 'Số lô', en: 'Lot number', required: true, example: 'CC2026-001' },
    { key: 'quantity', vi: 'Số lượng', en: 'Quantity', required: true, example: 500 },
    {
      key: 'unit',
      vi: 'Đơn vị (kg, g, tấn, lít, ml, cái)',
      en: 'Unit (kg, g, t, l, ml, pcs)',
      required: true,
      example: 'kg',
    },
    {
      key: 'input_gtin',
      vi: 'GTIN nguyên liệu (sơ chế, chế biến, đóng gói)',
      en: 'Input GTIN (pre-process, process, pack)',
      example: '',
    },
    { key: 'input_lot', vi: 'Số lô nguyên liệu', en: 'Input lot number', example: '' },
    { key: 'input_quantity', vi: 'Số lượng nguyên liệu', en: 'Input quantity', example: '' },
    { key: 'input_unit', vi: 'Đơn vị nguyên liệu (kg, g, tấn, lít, ml, cái)', en: 'Input unit', example: '' },
    { key: 'sscc', vi: 'SSCC kiện hàng (đóng gói)', en: 'SSCC of the logistic unit (pack)', example: '' },
    {
      key: 'partner_organisation_id',
      vi: 'Mã định danh tổ chức đối tác trên hệ thống (nếu có)',
      en: 'Partner organisation identifier on the platform (if any)',
      example: '',
    },
    {
      key: 'partner_name',
      vi: 'Tên đối tác (bên nhận / bên giao)',
      en: 'Partner name (receiver / sender)',
      example: '',
    },
    { key: 'partner_gln', vi: 'GLN đối tác', en: 'Partner GLN', example: '' },
    { key: 'partner_tax_code', vi: 'Mã số thuế đối tác', en: 'Partner tax code', example: '' },
    { key: 'invoice', vi: 'Số hóa đơn', en: 'Invoice number', example: '' },
    { key: 'delivery_note', vi: 'Số phiếu giao hàng', en: 'Delivery note number', example: '' },
    {
      key: 'quarantine_certificate',
      vi: 'Số giấy chứng nhận kiểm dịch',
      en: 'Quarantine certificate number',
      example: '',
    },
    {
      key: 'harvest_start_date',
      vi: 'Ngày bắt đầu thu hoạch',
      en: 'Harvest start date',
      example: '01/06/2026',
    },
    { key: 'harvest_end_date', vi: 'Ngày kết thúc thu hoạch', en: 'Harvest end date', example: '' },
    { key: 'production_date', vi: 'Ngày sản xuất', en: 'Production date', example: '' },
    { key: 'expiry_date', vi: 'Hạn sử dụng', en: 'Expiry date', example: '11/06/2026' },
    { key: 'note', vi: 'Ghi chú', en: 'Note', example: '' },
  ],
};

/** A header as people type it: case, spacing, a trailing * of a required column and the hint in brackets ignored. */
export function headerWords(header: string): string {
  return header
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const withoutHint = (header: string) => headerWords(header.replace(/\s*[(:].*$/, ''));

/** Every header a file may give a column (Vietnamese, English, technical key; with or without its hint) → its key. */
export function columnKeys(kind: ImportKind): Map<string, string> {
  const keys = new Map<string, string>();
  for (const c of columns[kind])
    for (const name of [c.key, c.vi, c.en]) {
      keys.set(headerWords(name), c.key);
      keys.set(withoutHint(name), c.key);
    }
  return keys;
}

/** The Vietnamese name of a column, without its hint, for messages ("cột Số lô"). */
export function columnName(kind: ImportKind, key: string): string | null {
  const column = columns[kind].find((c) => c.key === key);
  return column ? column.vi.replace(/\s*[(:].*$/, '') : null;
}
