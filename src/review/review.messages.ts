import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.review.already-pending': {
    vi: 'Hồ sơ này đang chờ thẩm định, không gửi lại được',
    en: 'This is already waiting for review',
  },
  'problem.review.already-decided': {
    vi: 'Hồ sơ đã được xử lý ({status})',
    en: 'This item has already been decided ({status})',
  },
  'problem.review.item-not-found': { vi: 'Không tìm thấy hồ sơ thẩm định', en: 'No such review item' },
  'problem.review.subject-not-found': {
    vi: 'Không tìm thấy đối tượng cần gửi thẩm định',
    en: 'Nothing to submit by that id',
  },
  'problem.review.not-yours-to-decide': {
    vi: 'Hồ sơ này không thuộc thẩm quyền thẩm định của bạn',
    en: 'Deciding on this item is not within your remit',
  },
  'problem.review.pre-checks-failed': {
    vi: 'Chưa thể phê duyệt: còn kiểm tra tự động bắt buộc chưa đạt ({checks})',
    en: 'Cannot approve while required automatic checks fail ({checks})',
  },
  'problem.review.no-handler': {
    vi: 'Loại hồ sơ {entityType} chưa được hệ thống hỗ trợ thẩm định',
    en: 'Items of type {entityType} have no review handler',
  },
  'review.quantityNotApplicable': {
    vi: 'chỉ đề nghị cấp tem mới có số lượng phê duyệt',
    en: 'only a stamp request has an approved quantity',
  },
  'review.reasonRequired': {
    vi: 'cần nêu lý do khi trả lại hoặc từ chối',
    en: 'a reason is required to return or reject',
  },
  'review.notSubmittable': {
    vi: 'loại hồ sơ này không gửi thẩm định qua đây được',
    en: 'this kind of thing cannot be submitted here',
  },
});
