import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.sensors.device-not-found': { vi: 'Không tìm thấy thiết bị đo', en: 'No such sensor device' },
  'problem.sensors.threshold-not-found': { vi: 'Không tìm thấy ngưỡng cảnh báo', en: 'No such threshold' },
  'problem.sensors.excursion-not-found': { vi: 'Không tìm thấy lần vượt ngưỡng', en: 'No such excursion' },
  'problem.sensors.device-key-missing': {
    vi: 'Thiếu khóa thiết bị (tiêu đề X-Device-Key)',
    en: 'The device key is missing (X-Device-Key header)',
  },
  'problem.sensors.device-key-unknown': {
    vi: 'Khóa thiết bị không đúng hoặc thiết bị đã bị thu hồi',
    en: 'Unknown device key, or the device was revoked',
  },
  'problem.sensors.device-key-other-device': {
    vi: 'Khóa này là của thiết bị khác',
    en: 'This key belongs to another device',
  },
  'sensors.notOwnLot': {
    vi: 'lô hàng không thuộc tổ chức của thiết bị',
    en: 'the lot is not one of the device organisation’s',
  },
  'sensors.notOwnLocation': {
    vi: 'địa điểm không thuộc tổ chức',
    en: 'the location is not one of the organisation’s',
  },
  'sensors.notOwnShipment': {
    vi: 'chuyến hàng không do tổ chức gửi hoặc nhận',
    en: 'the shipment is not sent or received by the organisation',
  },
  'sensors.notOwnProduct': {
    vi: 'sản phẩm không thuộc tổ chức',
    en: 'the product is not one of the organisation’s',
  },
  'sensors.unitNotForKind': {
    vi: 'đơn vị không dùng được cho loại số đo này',
    en: 'this unit does not fit this kind of reading',
  },
  'sensors.implausibleValue': {
    vi: 'giá trị ngoài khoảng một thiết bị đo có thể ghi',
    en: 'the value is outside what a sensor can read',
  },
  'sensors.targetMissing': {
    vi: 'cần chọn đối tượng áp dụng ngưỡng',
    en: 'choose what the threshold applies to',
  },
  'sensors.rangeMissing': {
    vi: 'cần ít nhất một giới hạn (thấp nhất hoặc cao nhất)',
    en: 'give at least one limit (lowest or highest)',
  },
  'sensors.rangeInverted': {
    vi: 'giới hạn thấp nhất phải nhỏ hơn giới hạn cao nhất',
    en: 'the lowest limit must be below the highest',
  },
  'sensors.futureReading': {
    vi: 'thời điểm đo ở tương lai',
    en: 'the reading’s time is in the future',
  },
});
