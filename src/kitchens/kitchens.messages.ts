import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.kitchens-staff-cannot-record': {
    vi: 'Cán bộ của Sở và các ngành không ghi nhận thay bếp ăn; chỉ người của trường hoặc đơn vị nấu ăn mới ghi',
    en: 'Department staff do not record for a kitchen; only the school or its caterer does',
  },
  'problem.kitchens-sample-kept': {
    vi: 'Mẫu thức ăn phải được giữ đến {discardBy}; chưa được hủy',
    en: 'The food sample must be kept until {discardBy}; it cannot be discarded yet',
  },
  'problem.kitchens-sample-discarded': {
    vi: 'Mẫu thức ăn này đã được hủy',
    en: 'This food sample has already been discarded',
  },
  'kitchens.unknownLocation': {
    vi: 'không có địa điểm này của tổ chức trong hệ thống',
    en: 'no such location of the organisation is registered',
  },
  'kitchens.notSchoolKitchen': {
    vi: 'địa điểm phải có loại "bếp ăn trường học"',
    en: 'the location must be of type "school kitchen"',
  },
  'kitchens.locationTaken': {
    vi: 'địa điểm này đã là một bếp ăn trên hệ thống',
    en: 'this location is already a kitchen on the platform',
  },
  'kitchens.codeUnreadable': {
    vi: 'không đọc được mã: dán đường dẫn trên tem (https://…/01/…), chuỗi mã GS1 (01)…(10)… hoặc mã lô hàng giao',
    en: 'the code cannot be read: paste the stamp link (https://…/01/…), a GS1 element string (01)…(10)… or a shipment reference',
  },
  'kitchens.codeNeedsLot': {
    vi: 'mã chỉ có sản phẩm, không có số lô hay số tem: quét tem truy xuất trên hàng',
    en: 'the code names a product only, no lot or serial: scan the traceability stamp on the goods',
  },
  'kitchens.stampUnknown': {
    vi: 'tem không có trên hệ thống truy xuất của tỉnh',
    en: 'the stamp is not known to the province’s traceability system',
  },
  'kitchens.stampNotActive': {
    vi: 'tem chưa được kích hoạt cho lô hàng nào hoặc đã bị thu hồi: không nhận hàng theo tem này',
    en: 'the stamp is not activated for a lot or has been revoked: do not receive goods by it',
  },
  'kitchens.stampLotMismatch': {
    vi: 'số lô in trên tem khác với lô tem được kích hoạt: nghi tem giả',
    en: 'the lot printed on the stamp differs from the lot it was activated to: suspected fake',
  },
  'kitchens.stampReceived': {
    vi: 'tem này đã được quét nhận hàng lúc {receivedAt}: mỗi tem chỉ nhận một lần',
    en: 'this stamp was already received at {receivedAt}: each stamp is received once',
  },
  'kitchens.unknownLot': {
    vi: 'không có lô hàng này trên hệ thống',
    en: 'no such lot is registered',
  },
  'kitchens.ownGoods': {
    vi: 'hàng của chính tổ chức bạn, không phải hàng nhận từ nhà cung cấp',
    en: 'these are your own organisation’s goods, not a delivery from a supplier',
  },
  'kitchens.unknownShipment': {
    vi: 'không có lô hàng giao nào với mã này gửi đến bếp ăn',
    en: 'no shipment with this reference was sent to the kitchen',
  },
  'kitchens.shipmentDecided': {
    vi: 'lô hàng giao này đã được xác nhận hoặc khiếu nại trước đó',
    en: 'this shipment has already been confirmed or disputed',
  },
  'kitchens.notInShipment': {
    vi: 'lô hàng giao không chứa lô này',
    en: 'the shipment does not carry this lot',
  },
  'kitchens.future': { vi: 'không được ở tương lai', en: 'must not be in the future' },
  'kitchens.notReceived': {
    vi: 'bếp ăn chưa nhận lô nguyên liệu này',
    en: 'the kitchen has not received this ingredient lot',
  },
  'kitchens.duplicateIngredient': {
    vi: 'nguyên liệu đã có trong món',
    en: 'the ingredient is already in the dish',
  },
  'kitchens.cookedBeforeReceived': {
    vi: 'món được nấu trước khi nhận lô nguyên liệu ({receivedAt})',
    en: 'the dish was cooked before the ingredient lot was received ({receivedAt})',
  },
  'kitchens.unitWithoutQuantity': {
    vi: 'nhập số lượng cùng với đơn vị',
    en: 'give the quantity with the unit',
  },
  'kitchens.unknownDish': {
    vi: 'không có món này trong thực đơn của bếp ăn',
    en: 'no such dish on the kitchen’s menu',
  },
  'kitchens.sampleExists': {
    vi: 'món này đã được lưu mẫu',
    en: 'a sample of this dish is already kept',
  },
  'kitchens.sampleTooShort': {
    vi: 'mẫu thức ăn phải được lưu ít nhất 24 giờ kể từ khi lấy mẫu',
    en: 'a food sample must be kept at least 24 hours from when it was taken',
  },
  'kitchens.sampleBeforeCooking': {
    vi: 'mẫu được lấy trước khi món được nấu',
    en: 'the sample was taken before the dish was cooked',
  },
  'kitchens.fromAfterTo': {
    vi: 'ngày bắt đầu sau ngày kết thúc',
    en: 'the start date is after the end date',
  },
  'kitchens.servedOnFuture': {
    vi: 'chỉ ghi thực đơn của hôm nay hoặc những ngày đã qua',
    en: 'record the menu of today or of past days only',
  },
});
