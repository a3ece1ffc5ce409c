import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.news.not-found': { vi: 'Không tìm thấy bài viết', en: 'Article not found' },
  'news.attachmentUnknown': {
    vi: 'tệp đính kèm không có hoặc không phải tệp của Sở',
    en: 'the attachment does not exist or is not one of the department’s files',
  },
});
