import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.plan.not-found': { vi: 'Không tìm thấy kế hoạch', en: 'Plan not found' },
  'problem.plan.no-current': {
    vi: 'Tỉnh chưa có kế hoạch đang thực hiện',
    en: 'The province has no current plan',
  },
  'problem.plan.indicator-not-found': { vi: 'Không tìm thấy chỉ tiêu', en: 'Indicator not found' },
  'problem.plan.task-not-found': { vi: 'Không tìm thấy nhiệm vụ', en: 'Task not found' },
  'problem.plan.code-taken': {
    vi: 'Kế hoạch đã có chỉ tiêu mang mã này',
    en: 'The plan already has an indicator with this code',
  },
  'plan.endYear': {
    vi: 'năm kết thúc phải bằng hoặc sau năm bắt đầu',
    en: 'the end year must not come before the start year',
  },
  'plan.formulaUnknown': {
    vi: 'không có cách tính này trong hệ thống; hãy chọn trong danh sách hoặc nhập tay',
    en: 'there is no such formula; choose one from the list or enter values by hand',
  },
  'plan.formulaUnit': {
    vi: 'đơn vị phải giống đơn vị của cách tính đã chọn',
    en: 'the unit must be the unit of the chosen formula',
  },
  'plan.yearOutside': {
    vi: 'năm phải nằm trong giai đoạn của kế hoạch',
    en: 'the year must lie within the plan period',
  },
  'plan.manualOnly': {
    vi: 'chỉ tiêu này được tính tự động từ dữ liệu, không nhập tay',
    en: 'this indicator is computed from the data, not entered by hand',
  },
  'plan.fileUnknown': { vi: 'không tìm thấy tệp đính kèm', en: 'attached file not found' },
  'plan.periodOrder': {
    vi: 'ngày kết thúc phải bằng hoặc sau ngày bắt đầu',
    en: 'the end date must not come before the start date',
  },
});
