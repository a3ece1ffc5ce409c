import { defineMessages } from '../platform/index.ts';

defineMessages({
  'stamps.gtinInvalid': {
    vi: 'GTIN sai định dạng hoặc sai số kiểm tra',
    en: 'not a GTIN with a valid check digit',
  },
  'stamps.productUnknown': {
    vi: 'sản phẩm chưa được đăng ký trong hệ thống',
    en: 'no product with this GTIN is registered',
  },
  'stamps.productNotOwned': {
    vi: 'sản phẩm không thuộc tổ chức này',
    en: 'the product does not belong to this organisation',
  },
  'stamps.lotInvalid': {
    vi: 'số lô chỉ gồm tối đa 20 ký tự GS1 (chữ, số, -./_ …)',
    en: 'a lot is at most 20 GS1 characters (letters, digits, -./_ …)',
  },
  'stamps.lotUnknown': {
    vi: 'lô hàng chưa được khai báo cho sản phẩm này',
    en: 'no such lot is declared for this product',
  },
  'stamps.serialOutsideRange': {
    vi: 'số sê-ri {serial} nằm ngoài dải tem',
    en: 'serial {serial} is outside the stamp range',
  },
  'stamps.runInvalid': {
    vi: 'sê-ri đầu phải nhỏ hơn hoặc bằng sê-ri cuối',
    en: 'the first serial must not exceed the last',
  },
  'stamps.tooMany': { vi: 'tối đa {maximum} tem mỗi lần in', en: 'at most {maximum} stamps per print job' },
  'problem.stamps.request-not-found': { vi: 'Không tìm thấy yêu cầu cấp tem', en: 'Stamp request not found' },
  'problem.stamps.range-not-found': { vi: 'Không tìm thấy dải tem', en: 'Stamp range not found' },
  'problem.stamps.not-activatable': {
    vi: 'Có tem trong dải đã kích hoạt hoặc đã thu hồi (sê-ri {first}–{last})',
    en: 'Some stamps of the run are already active or revoked (serials {first}–{last})',
  },
  'problem.stamps.not-active': {
    vi: 'Có tem trong dải chưa được kích hoạt (sê-ri {first}–{last})',
    en: 'Some stamps of the run are not active (serials {first}–{last})',
  },
  'problem.stamps.already-revoked': {
    vi: 'Có tem trong dải đã bị thu hồi (sê-ri {first}–{last})',
    en: 'Some stamps of the run are already revoked (serials {first}–{last})',
  },
  'problem.stamps.already-printed': {
    vi: 'Tem chống giả này đã được in; in lại sẽ làm mất hiệu lực bản in cũ (reprint=true)',
    en: 'These anti-counterfeit stamps were printed already; a reprint (reprint=true) voids the old print',
  },
});

defineMessages({
  'stamps.ean13NotFit': {
    vi: 'EAN-13 chỉ dùng được cho GTIN-13 (GTIN-14 bắt đầu bằng 0)',
    en: 'EAN-13 fits only a GTIN-13 (a GTIN-14 beginning with 0)',
  },
});

defineMessages({
  'stamps.secretNeedsLink': {
    vi: 'tem chống giả chỉ in được bằng mã QR hoặc DataMatrix chứa đường dẫn (mã bí mật nằm trong đường dẫn)',
    en: 'anti-counterfeit stamps print only as QR or DataMatrix codes holding the link (the secret is part of the URL)',
  },
});
