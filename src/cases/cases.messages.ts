import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.cases.transition': {
    vi: 'Không thể chuyển hồ sơ vụ việc từ “{from}” sang “{to}”',
    en: 'The case cannot go from “{from}” to “{to}”',
  },
  'problem.cases.already-told': {
    vi: 'Người phản ánh này đã được báo kết quả, hoặc phản ánh không thuộc hồ sơ này',
    en: 'This reporter has already been told, or the report is not in this case',
  },
  'problem.cases.not-closed': {
    vi: 'Chỉ báo kết quả cho người phản ánh khi hồ sơ đã kết thúc',
    en: 'The reporter is told the outcome only once the case is closed',
  },
  'cases.assigneeUnknown': {
    vi: 'người được giao phải là thanh tra viên hoặc cán bộ đang hoạt động',
    en: 'the assignee must be an active inspector or officer',
  },
  'cases.outcomeRequired': {
    vi: 'cần chọn kết luận của vụ việc',
    en: 'the outcome is required',
  },
  'cases.outcomeText': {
    vi: 'cần ghi nội dung kết luận (từ 5 đến 2.000 ký tự)',
    en: 'the outcome text is required (5 to 2,000 characters)',
  },
  'cases.note': {
    vi: 'ghi chú tối đa 2.000 ký tự',
    en: 'the note is at most 2,000 characters',
  },
});

export const stateWords: Record<string, string> = {
  triage: 'Chờ phân loại',
  assigned: 'Đã giao',
  handling: 'Đang xử lý',
  closed: 'Đã kết thúc',
};

export const outcomeWords: Record<string, string> = {
  confirmed_fraud: 'Xác định có gian lận',
  no_violation: 'Không vi phạm',
  referred: 'Chuyển cơ quan khác',
  duplicate: 'Trùng với vụ việc khác',
  insufficient_evidence: 'Chưa đủ căn cứ',
};
