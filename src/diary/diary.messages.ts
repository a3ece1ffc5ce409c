import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.diary-withdrawal-running': {
    vi: 'Chưa được thu hoạch: "{input}" sử dụng ngày {appliedOn} còn trong thời gian cách ly đến hết ngày {until}',
    en: 'Harvest not allowed yet: "{input}" applied on {appliedOn} is within its withdrawal interval until {until}',
  },
  'diary.withdrawalRunning': {
    vi: 'đang trong thời gian cách ly của mục nhật ký {entryId} ("{input}", ngày {appliedOn}) — được thu hoạch từ ngày {until}',
    en: 'within the withdrawal interval of diary entry {entryId} ("{input}", {appliedOn}) — harvest allowed from {until}',
  },
  'problem.diary-entry-id-taken': {
    vi: 'Mục nhật ký này không ghi được: mã của nó đã dùng cho một mục khác',
    en: 'This diary entry was not recorded: its id is already used by another entry',
  },
  'diary.idTaken': {
    vi: 'đã dùng cho một mục nhật ký khác; bỏ mục này, hoặc ghi lại thành một mục mới',
    en: 'already used by another diary entry; discard this one, or record it again as a new entry',
  },
  'diary.futureDate': { vi: 'ngày ghi không được ở tương lai', en: 'the entry date cannot be in the future' },
  'diary.withdrawalOnlyForDrugs': {
    vi: 'thời gian cách ly chỉ dùng cho thuốc bảo vệ thực vật và thuốc thú y',
    en: 'a withdrawal interval applies only to pesticides and veterinary drugs',
  },
  'diary.lotOnlyForHarvest': {
    vi: 'chỉ mục thu hoạch mới ghi lô sản phẩm',
    en: 'only a harvest entry names a product lot',
  },
});
