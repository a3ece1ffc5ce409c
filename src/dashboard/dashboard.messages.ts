import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.dashboard.outside-scope': {
    vi: 'Bạn chỉ xem được số liệu trong phạm vi được phân công (lĩnh vực hoặc xã, phường phụ trách)',
    en: 'You may only see the figures within your assignment (your sector or communes)',
  },
  'dashboard.periodOrder': {
    vi: 'tháng kết thúc không được trước tháng bắt đầu',
    en: 'the end month cannot be before the start month',
  },
  'dashboard.periodTooLong': {
    vi: 'mỗi lần xem tối đa 60 tháng',
    en: 'at most 60 months at a time',
  },
  'dashboard.communeUnknown': {
    vi: 'không có xã, phường này trong tỉnh',
    en: 'no such commune or ward in the province',
  },
});
