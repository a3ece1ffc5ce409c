import { describe, expect, it } from 'vitest';
import { buildContent, missingItems, resolveItems } from './passport.content.ts';
import { labelGroup, labelProducer, labelProduct } from './testing.ts';

const product = labelProduct;
const group = labelGroup;
const producer = labelProducer;

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
