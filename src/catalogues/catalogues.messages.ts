import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.catalogues.list-not-found': { vi: 'Không tìm thấy danh mục', en: 'List not found' },
  'problem.catalogues.version-not-found': {
    vi: 'Không tìm thấy phiên bản danh mục',
    en: 'List version not found',
  },
  'problem.catalogues.version-frozen': {
    vi: 'Phiên bản đã ban hành hoặc đang chờ duyệt thì không sửa được; hãy tạo phiên bản mới',
    en: 'An approved or submitted version cannot be changed; make a new version',
  },
  'problem.catalogues.not-submitted': {
    vi: 'Phiên bản chưa được gửi duyệt',
    en: 'The version has not been submitted for review',
  },
  'catalogues.decisionNumber': { vi: 'cần ghi số quyết định ban hành', en: 'give the decision number' },
  'catalogues.decisionDate': { vi: 'cần ghi ngày quyết định', en: 'give the decision date' },
  'catalogues.signer': { vi: 'cần ghi người ký quyết định', en: 'give who signed the decision' },
  'catalogues.effectiveFrom': { vi: 'cần ghi ngày có hiệu lực', en: 'give the date the list takes effect' },
  'catalogues.effectiveTo': {
    vi: 'ngày hết hiệu lực phải sau ngày có hiệu lực',
    en: 'the end date must come after the start date',
  },
  'catalogues.items': {
    vi: 'danh mục cần ít nhất một dòng sản phẩm',
    en: 'the list needs at least one item',
  },
  'catalogues.reason': { vi: 'cần ghi lý do trả lại', en: 'give the reason for returning the version' },
});
