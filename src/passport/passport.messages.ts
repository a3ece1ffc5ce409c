import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.passport.group-not-found': { vi: 'Không tìm thấy nhóm hàng', en: 'Goods group not found' },
  'problem.passport.group-exists': {
    vi: 'Đã có nhóm hàng mang mã này',
    en: 'A goods group with this code already exists',
  },
  'problem.passport.product-not-found': { vi: 'Không tìm thấy sản phẩm', en: 'Product not found' },
  'problem.passport.not-found': {
    vi: 'Sản phẩm chưa có hộ chiếu số được duyệt',
    en: 'The product has no approved digital passport',
  },
  'problem.passport.version-not-found': {
    vi: 'Không có phiên bản hộ chiếu số này',
    en: 'There is no such version of the passport',
  },
  'passport.itemKey': {
    vi: 'Mã mục nhãn chỉ gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ thường (ví dụ: ingredients)',
    en: 'An item key is letters without marks and digits, starting with a lower-case letter (e.g. ingredients)',
  },
  'passport.groupCode': {
    vi: 'Mã nhóm hàng chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: thuc-pham)',
    en: 'A group code is lower-case letters, digits and hyphens (e.g. thuc-pham)',
  },
  'passport.duplicateItem': {
    vi: 'Mã mục nhãn này đã có trong nhóm',
    en: 'This item key is already in the group',
  },
  'passport.unknownGroup': { vi: 'Không có nhóm hàng này', en: 'There is no such goods group' },
  'passport.notLabelText': {
    vi: 'Mục này không phải nội dung nhãn tự ghi của nhóm hàng đã chọn (hoặc được lấy từ thông tin sản phẩm)',
    en: 'This item is not a label text of the chosen goods group (or it is taken from the product’s details)',
  },
  'passport.check.label': {
    vi: 'Nhãn điện tử đủ các mục bắt buộc của nhóm hàng',
    en: 'The e-label has every mandatory item of its goods group',
  },
  'passport.check.labelMissing': {
    vi: 'Nhãn điện tử còn thiếu: {missingVi}',
    en: 'The e-label lacks: {missingEn}',
  },
  'passport.check.labelGroup': {
    vi: 'Đã chọn nhóm hàng cho nhãn điện tử',
    en: 'A goods group is chosen for the e-label',
  },
});
