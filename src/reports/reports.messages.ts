import { defineMessages } from '../platform/index.ts';

defineMessages({
  'reports.yearRequired': { vi: 'cần chọn năm báo cáo', en: 'the year of the report is required' },
  'reports.yearRange': {
    vi: 'năm báo cáo phải từ 2000 đến 2100',
    en: 'the year must be between 2000 and 2100',
  },
  'reports.halfInvalid': {
    vi: 'chọn 6 tháng đầu năm (1) hoặc 6 tháng cuối năm (2)',
    en: 'choose the first (1) or second (2) half of the year',
  },
  'reports.periodRequired': { vi: 'cần chọn ngày', en: 'the date is required' },
  'reports.periodOrder': {
    vi: 'ngày kết thúc không được trước ngày bắt đầu',
    en: 'the end date cannot be before the start date',
  },
  'reports.periodTooLong': {
    vi: 'một kỳ báo cáo dài tối đa 5 năm',
    en: 'a report period covers at most 5 years',
  },
  'reports.planUnknown': { vi: 'không có kế hoạch này', en: 'no such plan' },
  'problem.reports.not-found': { vi: 'Không có báo cáo này.', en: 'No such report.' },
  'problem.reports.issued': {
    vi: 'Báo cáo đã ban hành: không sửa, không xoá được.',
    en: 'The report has been issued: it cannot be changed or deleted.',
  },
  'reports.numberRequired': {
    vi: 'cần số văn bản trước khi ban hành',
    en: 'the document number is required before issuing',
  },
  'reports.signerRequired': {
    vi: 'cần người ký trước khi ban hành',
    en: 'the signer is required before issuing',
  },
});
