import { defineMessages } from '../platform/index.ts';

defineMessages({
  'sync.periodOrder': {
    vi: 'ngày kết thúc không được trước ngày bắt đầu',
    en: 'the end date cannot be before the start date',
  },
});
