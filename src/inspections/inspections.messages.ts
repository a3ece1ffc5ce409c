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
  'problem.inspections.already-lifted': {
    vi: 'Quyết định này đã được gỡ bỏ trước đó',
    en: 'This decision has already been lifted',
  },
  'problem.inspections.not-found': {
    vi: 'Không tìm thấy quyết định hoặc lần kiểm tra',
    en: 'No such decision or visit',
  },
});
