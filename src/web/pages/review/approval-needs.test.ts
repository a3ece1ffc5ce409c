import { describe, expect, it } from 'vitest';
import { type ApprovalNeed, fieldNeed, given, meets, missingNeeds } from './approval-needs.ts';

const image: ApprovalNeed = {
  code: 'review.check.tt02.image',
  fields: ['images'],
  rule: 'all',
  blocking: true,
  message: 'TT02 mục 2: có ảnh sản phẩm',
};
const brand: ApprovalNeed = {
  code: 'review.check.tt02.brand',
  fields: ['brand', 'modelCode'],
  rule: 'any',
  blocking: false,
  message: 'TT02 mục 8: nhãn hiệu hoặc mã kiểu',
};
const address: ApprovalNeed = {
  code: 'review.check.producerAddress',
  fields: ['communeCode', 'streetAddress'],
  rule: 'all',
  blocking: true,
  message: 'Có địa chỉ cơ sở',
};

describe('what approval still needs, live from the form', () => {
  it('blank text, empty lists and empty number inputs are not given; zero and false are', () => {
    expect([given(''), given('  '), given([]), given(null), given(undefined)]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([given('x'), given(['a']), given(0), given(false)]).toEqual([true, true, true, true]);
  });

  it('"any" is met by one field, "all" needs every field', () => {
    expect(meets(brand, { brand: '', modelCode: 'M-1' })).toBe(true);
    expect(meets(address, { communeCode: '75W001', streetAddress: ' ' })).toBe(false);
  });

  it('lists what is missing, blocking needs first, and drops what the owner fills in', () => {
    const values = { images: [], brand: '', modelCode: '', communeCode: '', streetAddress: '' };
    expect(missingNeeds([brand, image, address], values).map((n) => n.code)).toEqual([
      image.code,
      address.code,
      brand.code,
    ]);
    const filled = { ...values, images: ['/files/x'], communeCode: '75W001', streetAddress: 'Ấp 1' };
    expect(missingNeeds([brand, image, address], filled).map((n) => n.code)).toEqual([brand.code]);
  });

  it('marks a field by the strongest need it takes part in, and says whether it is met', () => {
    expect(fieldNeed([image, brand], 'images', { images: [] })).toEqual({ blocking: true, met: false });
    expect(fieldNeed([image, brand], 'modelCode', { brand: 'B' })).toEqual({ blocking: false, met: true });
    expect(fieldNeed([image, brand], 'description', {})).toBeNull();
  });
});
