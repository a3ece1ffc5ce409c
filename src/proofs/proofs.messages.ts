import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.proofs.checkpoint-not-found': {
    vi: 'Không có điểm mốc số này',
    en: 'No checkpoint with this number',
  },
  'problem.proofs.no-proof': {
    vi: 'Chưa có bằng chứng cho bản ghi này: không có bản ghi như vậy, hoặc nó chưa nằm trong điểm mốc đã ký nào (điểm mốc được ký mỗi ngày)',
    en: 'No proof for this record yet: there is no such record, or no signed checkpoint covers it yet (one is signed daily)',
  },
  'problem.proofs.no-event-proof': {
    vi: 'Chưa có bằng chứng cho sự kiện này: không có sự kiện như vậy, hoặc nó chưa nằm trong điểm mốc đã ký nào',
    en: 'No proof for this event yet: there is no such event, or no signed checkpoint covers it yet',
  },
  'problem.proofs.nothing-new': {
    vi: 'Không có bản ghi mới nào kể từ điểm mốc trước: chưa cần ký điểm mốc mới',
    en: 'No new record since the last checkpoint: nothing to sign',
  },
});
