import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.resolver.invalid-digital-link': {
    vi: 'Đường dẫn không phải GS1 Digital Link hợp lệ',
    en: 'The address is not a valid GS1 Digital Link',
  },
  'problem.resolver.unknown-code': {
    vi: 'Mã GS1 này không có trong hệ thống truy xuất của tỉnh',
    en: 'This GS1 code is not known to the province’s traceability system',
  },
  'problem.resolver.no-link-of-type': {
    vi: 'Không có liên kết loại {linkType} cho mã này',
    en: 'There is no link of type {linkType} for this code',
  },
});
