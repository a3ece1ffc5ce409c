import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.stage-id-taken': {
    vi: 'Công đoạn này không ghi được: mã của nó đã dùng cho một lần ghi khác',
    en: 'This stage was not recorded: its id is already used by another record',
  },
  'chain.stageIdTaken': {
    vi: 'đã dùng cho một lần ghi công đoạn khác; bỏ lần ghi này, hoặc ghi lại thành một lần mới',
    en: 'already used by another stage record; discard this one, or record it again as a new one',
  },
  'problem.chain-not-receiver': {
    vi: 'Chỉ bên nhận mới được xác nhận hoặc khiếu nại lô hàng này',
    en: 'Only the receiver may confirm or dispute this shipment',
  },
  'problem.chain-shipment-decided': {
    vi: 'Lô hàng đã được xử lý (trạng thái: {state})',
    en: 'The shipment has already been decided (state: {state})',
  },
  'chain.unknownLocation': {
    vi: 'không có địa điểm {id} của tổ chức này trong hệ thống',
    en: 'no location {id} of this organisation is registered',
  },
  'chain.unknownOrganisation': {
    vi: 'không có tổ chức {id} trên hệ thống',
    en: 'no organisation {id} is registered',
  },
  'chain.selfParty': { vi: 'không thể là chính tổ chức của bạn', en: 'cannot be your own organisation' },
  'chain.partyRequired': {
    vi: 'chọn một tổ chức trên hệ thống hoặc nhập tên bên ngoài',
    en: 'choose an organisation on the platform or enter the name of an outside party',
  },
  'chain.invalidGln': {
    vi: 'GLN phải có 13 chữ số với số kiểm tra đúng',
    en: 'a GLN has 13 digits with a correct check digit',
  },
  'chain.invalidTaxCode': {
    vi: 'mã số thuế không hợp lệ (10 chữ số, hoặc 10 chữ số - 3 chữ số)',
    en: 'the tax code is not valid (10 digits, or 10 digits - 3 digits)',
  },
  'chain.invalidGtin': {
    vi: 'GTIN "{value}" không hợp lệ (8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng)',
    en: 'GTIN "{value}" is not valid (8, 12, 13 or 14 digits with a correct check digit)',
  },
  'chain.outputNotOwn': {
    vi: 'GTIN "{value}" không phải mã sản phẩm của tổ chức bạn; chỉ ghi thu hoạch, sơ chế, chế biến, đóng gói cho sản phẩm của mình',
    en: 'GTIN "{value}" is not one of your organisation\'s products; harvest, process and pack only your own products',
  },
  'chain.invalidLot': {
    vi: 'số lô "{value}" phải có 1–20 ký tự theo bộ ký tự GS1 (chữ không dấu, số, một số dấu)',
    en: 'lot "{value}" must be 1–20 characters of the GS1 character set (unaccented letters, digits, some marks)',
  },
  'chain.invalidSscc': {
    vi: 'SSCC phải có 18 chữ số',
    en: 'an SSCC has 18 digits',
  },
  'chain.packNeedsOutput': {
    vi: 'cần mã SSCC của kiện hàng hoặc ít nhất một lô thành phẩm',
    en: 'give the SSCC of the logistic unit or at least one output lot',
  },
  'chain.invalidDate': {
    vi: '"{value}" không phải là ngày có thật',
    en: '"{value}" is not a real calendar date',
  },
  'chain.futureTime': { vi: 'thời điểm không được ở tương lai', en: 'the time cannot be in the future' },
  'chain.endBeforeStart': {
    vi: 'ngày kết thúc trước ngày bắt đầu',
    en: 'the end date is before the start date',
  },
  'chain.expiryNotAfterProduction': {
    vi: 'hạn sử dụng phải sau ngày sản xuất/thu hoạch',
    en: 'the expiry date must be after the production or harvest date',
  },
  'chain.receivedBeforeShipped': {
    vi: 'thời điểm nhận hàng trước thời điểm gửi hàng',
    en: 'the goods cannot be received before they were shipped',
  },
  'chain.lotNotHeld': {
    vi: 'cơ sở chưa có lô {lot} của sản phẩm {gtin} (chưa thu hoạch, sản xuất hay nhận lô này); hãy chọn một lô đã có',
    en: 'your organisation holds no lot {lot} of product {gtin} (not harvested, made or received); pick a lot you hold',
  },
  'chain.captureMoreThanHeld': {
    vi: 'các sự kiện của cơ sở xuất, bán, huỷ hoặc chế biến tổng cộng {lostVi} {unitVi} của lô {lot} (sản phẩm {gtin}), nhiều hơn {heldVi} {unitVi} cơ sở có của lô này (đã sản xuất, nhận hoặc khai báo)',
    en: 'your events ship, sell, destroy or transform {lostEn} {unitEn} of lot {lot} (product {gtin}) in all, more than the {heldEn} {unitEn} of it you hold (made, received or declared)',
  },
  'chain.moreThanAvailable': {
    vi: 'lô {lot} chỉ còn {availableVi} {unitVi}',
    en: 'only {availableEn} {unitEn} of lot {lot} are left',
  },
});
