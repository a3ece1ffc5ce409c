/** The columns of each importable entity: the key is the header in files and templates. */
export interface Column {
  key: string;
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
      vi: 'Ngày sản xuất (YYYY-MM-DD)',
      en: 'Production date (YYYY-MM-DD)',
      example: '2026-06-01',
    },
    {
      key: 'expiry_date',
      vi: 'Hạn sử dụng (YYYY-MM-DD)',
      en: 'Expiry date (YYYY-MM-DD)',
      example: '2026-06-11',
    },
    { key: 'quantity', vi: 'Số lượng', en: 'Quantity', example: 500 },
    { key: 'unit', vi: 'Đơn vị (KGM, TNE, LTR, H87…)', en: 'Unit (KGM, TNE, LTR, H87…)', example: 'KGM' },
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
      vi: 'Công đoạn: harvest, preprocess, process, pack, store, ship, receive, sell',
      en: 'Stage: harvest, preprocess, process, pack, store, ship, receive, sell',
      required: true,
      example: 'harvest',
    },
    {
      key: 'event_time',
      vi: 'Thời điểm (YYYY-MM-DD HH:mm, giờ Việt Nam)',
      en: 'Time (YYYY-MM-DD HH:mm, Vietnam time)',
      required: true,
      example: '2026-06-01 07:30',
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
      vi: 'Đơn vị (KGM, TNE, LTR, H87…)',
      en: 'Unit (KGM, TNE, LTR, H87…)',
      required: true,
      example: 'KGM',
    },
    {
      key: 'input_gtin',
      vi: 'GTIN nguyên liệu (sơ chế, chế biến, đóng gói)',
      en: 'Input GTIN (pre-process, process, pack)',
      example: '',
    },
    { key: 'input_lot', vi: 'Số lô nguyên liệu', en: 'Input lot number', example: '' },
    { key: 'input_quantity', vi: 'Số lượng nguyên liệu', en: 'Input quantity', example: '' },
    { key: 'input_unit', vi: 'Đơn vị nguyên liệu', en: 'Input unit', example: '' },
    { key: 'sscc', vi: 'SSCC kiện hàng (đóng gói)', en: 'SSCC of the logistic unit (pack)', example: '' },
    {
      key: 'partner_organisation_id',
      vi: 'Mã tổ chức đối tác trên hệ thống',
      en: 'Partner organisation id on the platform',
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
      example: '2026-06-01',
    },
    { key: 'harvest_end_date', vi: 'Ngày kết thúc thu hoạch', en: 'Harvest end date', example: '' },
    { key: 'production_date', vi: 'Ngày sản xuất', en: 'Production date', example: '' },
    { key: 'expiry_date', vi: 'Hạn sử dụng', en: 'Expiry date', example: '2026-06-11' },
    { key: 'note', vi: 'Ghi chú', en: 'Note', example: '' },
  ],
};
