import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.sync.row-not-found': { vi: 'Không tìm thấy bản ghi cần gửi', en: 'Outbox record not found' },
  'problem.sync.not-retryable': {
    vi: 'Chỉ gửi lại được bản ghi đã dừng gửi hoặc bị giữ lại; bản ghi này đang chờ gửi, đang gửi hoặc đã gửi xong',
    en: 'Only a parked or held record can be retried; this one is waiting, being sent or delivered',
  },
  'problem.sync.not-parkable': {
    vi: 'Chỉ dừng gửi được bản ghi đang chờ gửi hoặc bị giữ lại',
    en: 'Only a waiting or held record can be parked',
  },
});
