import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.checks.unknown-check': {
    vi: 'Không có kiểm tra tự động tên này',
    en: 'No automatic check has this name',
  },
  'problem.checks.busy': {
    vi: 'Kiểm tra này đang chạy ở một tiến trình khác, vui lòng thử lại sau ít phút',
    en: 'This check is running in another process; try again in a few minutes',
  },
});
