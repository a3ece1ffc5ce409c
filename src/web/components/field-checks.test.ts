import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import vi from '../i18n/vi.json' with { type: 'json' };
import { choose, enter, sentenceCase, wholeNumberUpTo } from './field-checks.ts';

/** The i18next lookup the checks use, on the real catalogues. */
const tOf = (catalogue: Record<string, any>) =>
  ((key: string, params: Record<string, string> = {}) =>
    String(key.split('.').reduce((node, part) => node?.[part], catalogue)).replace(
      /\{\{(\w+)\}\}/g,
      (_, name) => params[name],
    )) as never;

describe('checks before sending, in the words the server uses', () => {
  const t = tOf(vi);

  it('asks for an empty field by its own label, inside a sentence', () => {
    expect(enter(t, 'Tên sản phẩm')('  ')).toBe('Vui lòng nhập tên sản phẩm');
    expect(enter(t, 'Mã GTIN')('')).toBe('Vui lòng nhập mã GTIN');
    expect(enter(t, 'GTIN')('')).toBe('Vui lòng nhập GTIN');
    expect(choose(t, 'Sản phẩm')(null)).toBe('Vui lòng chọn sản phẩm');
    expect(choose(t, 'Sản phẩm')('8930000000019')).toBeNull();
    expect(choose(tOf(en), 'Product')('')).toBe('Please choose the product');
  });

  it('keeps a number above its limit as typed and says the limit', () => {
    const check = wholeNumberUpTo(t, 'Số lượng tem', 1_000_000, 'stamp.tooMany');
    expect(check(5_000_000)).toBe('Tối đa 1.000.000 tem mỗi yêu cầu');
    expect(check(1_000_000)).toBeNull();
    expect(check(0)).toBe('Số lượng tem phải lớn hơn 0');
    expect(check(2.5)).toBe('Số lượng tem phải là một số nguyên');
    expect(check('')).toBe('Vui lòng nhập số lượng tem');
  });

  it('starts every message as a sentence', () => {
    expect(sentenceCase('tổ chức không tồn tại')).toBe('Tổ chức không tồn tại');
    expect(sentenceCase('')).toBe('');
  });
});
