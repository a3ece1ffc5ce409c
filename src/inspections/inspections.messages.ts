import { defineMessages } from '../platform/index.ts';

defineMessages({
  'inspections.gtinRequired': {
    vi: 'cần GTIN của sản phẩm có tem bị tạm đình chỉ',
    en: 'the GTIN of the product whose stamps are suspended is required',
  },
  'inspections.gtinNotOwned': {
    vi: 'GTIN không phải của sản phẩm thuộc tổ chức này',
    en: 'the GTIN is not a product of this organisation',
  },
  'inspections.serialRequired': {
    vi: 'cần số sê-ri đầu và cuối của dải tem',
    en: 'the first and last serial of the range are required',
  },
  'inspections.serialOrder': {
    vi: 'số sê-ri cuối phải lớn hơn hoặc bằng số sê-ri đầu',
    en: 'the last serial must not be below the first',
  },
  'inspections.serialTooMany': {
    vi: 'một lần tạm đình chỉ tối đa 10.000.000 tem',
    en: 'one suspension covers at most 10,000,000 stamps',
  },
  'inspections.lotRequired': {
    vi: 'cần chọn lô hàng',
    en: 'the lot is required',
  },
  'inspections.lotNotOwned': {
    vi: 'lô hàng không thuộc tổ chức này',
    en: 'the lot does not belong to this organisation',
  },
  'inspections.organisationUnknown': {
    vi: 'không có tổ chức này trong hệ thống',
    en: 'no such organisation is registered',
  },
  'inspections.visitUnknown': {
    vi: 'không có lần kiểm tra này của tổ chức',
    en: 'no such visit of this organisation',
  },
  'inspections.inspectorUnknown': {
    vi: 'người này không phải là thanh tra viên',
    en: 'this person is not an inspector',
  },
  'inspections.checklistItem': {
    vi: 'mục kiểm tra không có trong danh mục',
    en: 'not an item of the checklist',
  },
  'inspections.dateFuture': {
    vi: 'ngày kiểm tra không được sau hôm nay',
    en: 'the visit date cannot be after today',
  },
  'inspections.fixByPast': {
    vi: 'hạn khắc phục phải sau ngày kiểm tra',
    en: 'the deadline to fix must be after the visit',
  },
  'inspections.productNotOwned': {
    vi: 'sản phẩm không thuộc tổ chức này',
    en: 'the product does not belong to this organisation',
  },
  'inspections.periodOrder': {
    vi: 'ngày kết thúc không được trước ngày bắt đầu',
    en: 'the end date cannot be before the start date',
  },
  'inspections.communeUnknown': {
    vi: 'không có xã, phường này trong tỉnh',
    en: 'no such commune or ward in the province',
  },
  'inspections.versionRequired': {
    vi: 'cần chọn danh mục (phiên bản) để lấy các tổ chức',
    en: 'choose the list version the organisations come from',
  },
  'inspections.versionUnknown': {
    vi: 'không có phiên bản danh mục này',
    en: 'no such list version',
  },
  'inspections.organisationsRequired': {
    vi: 'cần chọn ít nhất một tổ chức',
    en: 'choose at least one organisation',
  },
  'inspections.outsideScope': {
    vi: 'tổ chức này nằm ngoài lĩnh vực hoặc địa bàn của kế hoạch',
    en: 'this organisation is outside the plan’s sector or communes',
  },
  'inspections.noTargets': {
    vi: 'không có tổ chức nào phù hợp với cách chọn và phạm vi này',
    en: 'no organisation matches this choice and scope',
  },
  'inspections.planUnknown': {
    vi: 'không có kế hoạch kiểm tra này',
    en: 'no such inspection plan',
  },
  'inspections.planClosed': {
    vi: 'kế hoạch kiểm tra đã kết thúc',
    en: 'the inspection plan is closed',
  },
  'inspections.notTarget': {
    vi: 'tổ chức này không có trong kế hoạch kiểm tra',
    en: 'this organisation is not in the inspection plan',
  },
  'inspections.notFollowedUp': {
    vi: 'phát hiện này không thuộc lần kiểm tra được kiểm tra lại',
    en: 'this finding is not of the visit being followed up',
  },
  'inspections.findingUnknown': {
    vi: 'không có phát hiện này trong lần kiểm tra',
    en: 'no such finding in this visit',
  },
  'inspections.sanctionBeforeVisit': {
    vi: 'ngày quyết định xử phạt không được trước ngày kiểm tra',
    en: 'the fine decision cannot be dated before the visit',
  },
  'inspections.sanctionFuture': {
    vi: 'ngày quyết định xử phạt không được sau hôm nay',
    en: 'the fine decision cannot be dated after today',
  },
  'problem.inspections.plan-not-found': {
    vi: 'Không tìm thấy kế hoạch kiểm tra',
    en: 'No such inspection plan',
  },
  'problem.inspections.plan-not-draft': {
    vi: 'Kế hoạch đã bắt đầu hoặc đã kết thúc nên không sửa được nữa',
    en: 'The plan is under way or closed and can no longer be changed',
  },
  'problem.inspections.plan-transition': {
    vi: 'Không thể chuyển kế hoạch từ trạng thái này sang trạng thái đã chọn',
    en: 'The plan cannot move from its state to the one asked',
  },
  'problem.inspections.already-lifted': {
    vi: 'Quyết định này đã được gỡ bỏ trước đó',
    en: 'This decision has already been lifted',
  },
  'problem.inspections.not-found': {
    vi: 'Không tìm thấy quyết định hoặc lần kiểm tra',
    en: 'No such decision or visit',
  },
});
