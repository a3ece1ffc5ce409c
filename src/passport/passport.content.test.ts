import { describe, expect, it } from 'vitest';
import { buildContent, missingItems, type PassportProduct, resolveItems } from './passport.content.ts';
import type { GoodsGroupRow } from './passport.schema.ts';

const product: PassportProduct = {
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
const group = {
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
const producer = {
  name: 'HTX Điều Bù Đăng',
  streetAddress: 'Ấp 3',
  communeName: 'Xã Bù Đăng',
  taxCode: '3600000000',
};

describe('the e-label’s items, read once for the label, the passport and the review', () => {
  it('reads product fields, the producer, the lot and the label’s own texts; names what is missing', () => {
    const content = buildContent(product, group, {
      warnings: '  Có chứa hạt điều  ',
      productName: 'ignored',
    });
    expect(content.items.find((i) => i.key === 'warnings')?.value).toBe('Có chứa hạt điều');
    // a product-sourced item never takes a label text
    expect(content.items.find((i) => i.key === 'productName')?.value).toBeNull();
    const vi = resolveItems(content, producer, null, 'vi');
    expect(Object.fromEntries(vi.map((i) => [i.key, i.value]))).toEqual({
      productName: 'Hạt điều rang muối hũ 500 g',
      responsibleParty: 'HTX Điều Bù Đăng — Ấp 3, Xã Bù Đăng — MST 3600000000',
      netQuantity: '500 g',
      productionDate: 'Ghi trên bao bì theo từng lô',
      expiry: '270 ngày kể từ ngày sản xuất',
      declaration: null,
      warnings: 'Có chứa hạt điều',
      proteinContent: null,
    });
    expect(missingItems(vi).map((i) => i.name)).toEqual(['Số tự công bố', 'Độ đạm']);
    const lot = { lot: 'L1', productionDate: '2026-06-11', expiryDate: '2027-03-08' };
    const en = resolveItems(content, producer, lot, 'en');
    expect(en.find((i) => i.key === 'productionDate')?.value).toBe('11/06/2026');
    expect(en.find((i) => i.key === 'expiry')?.value).toBe('08/03/2027');
    expect(en.find((i) => i.key === 'responsibleParty')?.value).toContain('Tax code 3600000000');
  });

  it('a producer without a street address leaves the responsible party missing; no group, no items', () => {
    const content = buildContent(product, group, {});
    const items = resolveItems(content, { ...producer, streetAddress: null }, null, 'vi');
    expect(missingItems(items).map((i) => i.key)).toContain('responsibleParty');
    expect(buildContent(product, null, {}).items).toEqual([]);
  });
});
