// passport's test support: a product, its goods group and its producer, the one e-label every test reads (the
// passport's own tests and the public pages' presenter). The program never loads this file.
import type { PassportProduct } from './passport.content.ts';
import type { GoodsGroupRow } from './passport.schema.ts';

export const labelProduct: PassportProduct = {
  id: 'p1',
  organisationId: 'o1',
  gtin: '08936016000203',
  name: 'Hạt điều rang muối hũ 500 g',
  description: null,
  brand: 'Điều Bù Đăng',
  modelCode: null,
  images: [],
  sector: 'agriculture',
  unit: 'hũ',
  netQuantity: 500,
  netQuantityUnit: 'g',
  shelfLifeDays: 270,
  appliedStandards: ['TCVN 12381:2018'],
  conformityDeclaration: null,
  ocop: null,
  geographicalIndication: null,
  certificationMark: null,
};

export const labelGroup = {
  code: 'thuc-pham-che-bien',
  nameVi: 'Thực phẩm chế biến bao gói sẵn',
  nameEn: 'Processed prepackaged food',
  legalBasis: 'NĐ 43/2017',
  items: [
    { key: 'productName', vi: 'Tên hàng hoá', en: 'Name of the goods' },
    { key: 'responsibleParty', vi: 'Tổ chức chịu trách nhiệm', en: 'Responsible party' },
    { key: 'netQuantity', vi: 'Định lượng', en: 'Net quantity' },
    { key: 'productionDate', vi: 'Ngày sản xuất', en: 'Production date' },
    { key: 'expiry', vi: 'Hạn sử dụng', en: 'Use by' },
    { key: 'declaration', vi: 'Số tự công bố', en: 'Self-declaration' },
    { key: 'warnings', vi: 'Cảnh báo', en: 'Warnings' },
    { key: 'proteinContent', vi: 'Độ đạm', en: 'Protein content' },
  ],
} as unknown as GoodsGroupRow;

export const labelProducer = {
  name: 'HTX Điều Bù Đăng',
  streetAddress: 'Ấp 3',
  communeName: 'Xã Bù Đăng',
  taxCode: '3600000000',
};
