import { defineMessages } from '../platform/index.ts';

defineMessages({
  'public.verdict.genuine': { vi: 'Sản phẩm chính hãng', en: 'Genuine product' },
  'public.verdict.unknown': { vi: 'Mã không có trong hệ thống', en: 'Unknown code' },
  'public.verdict.not_activated': { vi: 'Tem chưa được kích hoạt', en: 'Stamp not activated' },
  'public.verdict.recalled': { vi: 'Lô hàng đang bị thu hồi', en: 'This lot is being recalled' },
  'public.verdict.suspended': { vi: 'Tem đã bị tạm đình chỉ', en: 'Stamp suspended' },
  'public.verdict.on_hold': { vi: 'Lô hàng đang bị tạm giữ', en: 'This lot is on hold' },
  'public.verdict.suspicious': { vi: 'Nghi vấn hàng giả', en: 'Suspicious: possibly counterfeit' },
  'public.verdict.product': { vi: 'Thông tin sản phẩm', en: 'Product information' },
  'public.reason.genuine': {
    vi: 'Tem được cấp cho {producer} và kích hoạt cho lô {lot}.',
    en: 'The stamp was issued to {producer} and activated for lot {lot}.',
  },
  'public.reason.scanCount': {
    vi: 'Mã này đã được quét {count} lần, lần đầu lúc {when}.',
    en: 'This code has been scanned {count} times, first at {when}.',
  },
  'public.reason.busy': {
    vi: 'Trong {hours} giờ qua mã được quét {count} lần từ {networks} mạng khác nhau. Điều này có thể bình thường (sản phẩm được trưng bày, nhiều người cùng xem); nếu bạn nghi ngờ, hãy gửi phản ánh bên dưới.',
    en: 'In the last {hours} hours the code was scanned {count} times from {networks} different networks. This can be normal (a product on display, several people looking); if in doubt, send a report below.',
  },
  'public.reason.travel': {
    vi: 'Mã này được quét ở hai nơi cách nhau {km} km chỉ trong {duration} — không sản phẩm nào di chuyển nhanh như vậy, tem có thể đã bị sao chép. Sở KH&CN đã được thông báo để kiểm tra.',
    en: 'This code was scanned at two places {km} km apart within {duration} — no product travels that fast; the stamp may have been copied. The department has been notified to check.',
  },
  'public.duration.minutes': { vi: '{n} phút', en: '{n} minutes' },
  'public.duration.hours': { vi: '{n} giờ', en: '{n} hours' },
  'public.reason.firstTime': {
    vi: 'Đây là lần quét đầu tiên của mã này.',
    en: 'This is the first scan of this code.',
  },
  'public.reason.unknown': {
    vi: 'Không tìm thấy mã này. Tem có thể bị làm giả hoặc in sai. Hãy báo cho Sở KH&CN bằng biểu mẫu bên dưới.',
    en: 'This code was not found. The stamp may be fake or misprinted. Please tell the department with the form below.',
  },
  'public.reason.not_activated': {
    vi: 'Tem có thật nhưng chưa được gắn với lô hàng nào, hoặc đã bị tạm ngừng.',
    en: 'The stamp exists but is not bound to any lot, or has been suspended.',
  },
  'public.reason.revoked': { vi: 'Tem này đã bị thu hồi.', en: 'This stamp has been revoked.' },
  'public.reason.lotMismatch': {
    vi: 'Số lô in trên tem ({printed}) khác với lô đã kích hoạt.',
    en: 'The lot printed on the stamp ({printed}) differs from the lot it was activated for.',
  },
  'public.reason.recalled': {
    vi: 'Lô {lot} đang bị thu hồi. Không sử dụng sản phẩm; liên hệ nơi bán.',
    en: 'Lot {lot} is being recalled. Do not use the product; contact the seller.',
  },
  'public.reason.suspended': {
    vi: 'Tem đã bị tạm đình chỉ từ {date} theo quyết định của cơ quan kiểm tra. Chưa nên mua hoặc sử dụng sản phẩm mang tem này; nếu cần, hãy liên hệ Sở KH&CN.',
    en: 'The stamp has been suspended since {date} by decision of the inspection authority. Do not buy or use the product carrying it for now; contact the department if needed.',
  },
  'public.reason.on_hold': {
    vi: 'Lô {lot} đang bị tạm giữ để kiểm tra. Chưa nên sử dụng sản phẩm cho đến khi có kết luận.',
    en: 'Lot {lot} is on hold for inspection. Do not use the product until it is cleared.',
  },
  'public.reason.product': {
    vi: 'Mã này chỉ định danh sản phẩm/lô, không định danh từng đơn vị nên không xác thực được từng sản phẩm.',
    en: 'This code names a product or lot, not a single item, so a single item cannot be authenticated.',
  },
  'public.product': { vi: 'Sản phẩm', en: 'Product' },
  'public.gtin': { vi: 'Mã GTIN', en: 'GTIN' },
  'public.brand': { vi: 'Nhãn hiệu', en: 'Brand' },
  'public.netQuantity': { vi: 'Định lượng', en: 'Net quantity' },
  'public.standards': { vi: 'Tiêu chuẩn áp dụng', en: 'Applied standards' },
  'public.shelfLife': { vi: 'Hạn dùng', en: 'Shelf life' },
  'public.days': { vi: '{n} ngày', en: '{n} days' },
  'public.producer': { vi: 'Cơ sở sản xuất', en: 'Producer' },
  'public.address': { vi: 'Địa chỉ', en: 'Address' },
  'public.taxCode': { vi: 'Mã số thuế', en: 'Tax code' },
  'public.certificates': { vi: 'Chứng nhận', en: 'Certificates' },
  'public.validTo': { vi: 'hiệu lực đến {date}', en: 'valid until {date}' },
  'public.lot': { vi: 'Lô hàng', en: 'Lot' },
  'public.lotNumber': { vi: 'Số lô', en: 'Lot number' },
  'public.serial': { vi: 'Số sê-ri', en: 'Serial' },
  'public.productionDate': { vi: 'Ngày sản xuất', en: 'Production date' },
  'public.expiryDate': { vi: 'Hạn sử dụng', en: 'Expiry date' },
  'public.journey': { vi: 'Hành trình sản phẩm', en: 'Product journey' },
  'public.noJourney': {
    vi: 'Chưa có sự kiện truy xuất được công bố.',
    en: 'No traceability events published yet.',
  },
  'public.map': { vi: 'Bản đồ nơi sản xuất và lưu thông', en: 'Map of production and handling places' },
  'public.mapNumber': { vi: 'Điểm số {n} trên bản đồ', en: 'Place {n} on the map' },
  'public.ocop': { vi: 'OCOP {stars} sao', en: 'OCOP {stars} stars' },
  'public.gi': { vi: 'Chỉ dẫn địa lý: {name}', en: 'Geographical indication: {name}' },
  'public.certMark': { vi: 'Nhãn hiệu chứng nhận: {name}', en: 'Certification mark: {name}' },
  'public.verified': {
    vi: '✔ Thông tin đã được Sở Khoa học và Công nghệ thẩm định',
    en: '✔ Information verified by the Department of Science and Technology',
  },
  'public.notVerified': {
    vi: 'Thông tin do doanh nghiệp tự khai, chưa được Sở KH&CN thẩm định',
    en: 'Declared by the business; not yet verified by the department',
  },
  'public.report': { vi: 'Phản ánh về sản phẩm', en: 'Report a problem' },
  'public.backToProduct': { vi: 'Quay lại trang sản phẩm', en: 'Back to the product' },
  'public.backHome': { vi: 'Về trang chủ', en: 'Back to the home page' },
  'public.reportIntro': {
    vi: 'Nghi ngờ hàng giả hoặc có vấn đề với sản phẩm? Gửi cho Sở KH&CN.',
    en: 'Suspect a fake or a problem with the product? Tell the department.',
  },
  'public.message': { vi: 'Nội dung phản ánh', en: 'Your message' },
  'public.photo': { vi: 'Ảnh (không bắt buộc, tối đa 5 MB)', en: 'Photo (optional, up to 5 MB)' },
  'public.phone': { vi: 'Số điện thoại (không bắt buộc)', en: 'Phone (optional)' },
  'public.consent': {
    vi: 'Tôi đồng ý cho Sở KH&CN lưu và dùng thông tin này để xử lý phản ánh.',
    en: 'I agree that the department keeps and uses this information to handle my report.',
  },
  'public.send': { vi: 'Gửi phản ánh', en: 'Send report' },
  'public.thanks': {
    vi: 'Cảm ơn bạn! Phản ánh đã được gửi tới Sở KH&CN.',
    en: 'Thank you! Your report was sent to the department.',
  },
  'public.shareLocation': {
    vi: 'Chia sẻ vị trí quét (giúp phát hiện tem giả)',
    en: 'Share where you scanned (helps detect fakes)',
  },
  'public.locationShared': { vi: 'Đã ghi nhận vị trí. Cảm ơn bạn!', en: 'Location recorded. Thank you!' },
  'public.notFoundTitle': { vi: 'Không tìm thấy mã này', en: 'This code is not known' },
  'public.notFoundBody': {
    vi: 'Mã {code} đúng định dạng GS1 nhưng không có trong hệ thống truy xuất của tỉnh. Sản phẩm có thể chưa được đăng ký, hoặc tem bị làm giả.',
    en: 'The code {code} is a well-formed GS1 code but is not in the province’s traceability system. The product may not be registered, or the stamp may be fake.',
  },
  'public.badTitle': { vi: 'Mã không hợp lệ', en: 'Invalid code' },
  'public.badBody': {
    vi: 'Đường dẫn này không phải là mã GS1 Digital Link hợp lệ: {reason}',
    en: 'This address is not a valid GS1 Digital Link: {reason}',
  },
  'public.reportError.message': {
    vi: 'Hãy nhập nội dung (5–2000 ký tự).',
    en: 'Please write a message (5–2000 characters).',
  },
  'public.reportError.consent': {
    vi: 'Cần đánh dấu đồng ý để gửi.',
    en: 'Please tick the consent box to send.',
  },
  'public.reportError.phone': { vi: 'Số điện thoại không hợp lệ.', en: 'The phone number is not valid.' },
  'public.reportError.photo': {
    vi: 'Ảnh phải là JPEG, PNG hoặc WebP, tối đa 5 MB.',
    en: 'The photo must be JPEG, PNG or WebP, up to 5 MB.',
  },
  'public.reportError.uri': { vi: 'Thiếu mã sản phẩm.', en: 'The product code is missing.' },
  'public.what.commissioning': { vi: 'Gắn mã định danh', en: 'Identified and labelled' },
  'public.what.harvesting': { vi: 'Thu hoạch', en: 'Harvesting' },
  'public.what.packing': { vi: 'Đóng gói', en: 'Packing' },
  'public.what.shipping': { vi: 'Xuất kho / vận chuyển', en: 'Shipping' },
  'public.what.receiving': { vi: 'Nhập kho', en: 'Receiving' },
  'public.what.storing': { vi: 'Lưu kho', en: 'Storing' },
  'public.what.transforming': { vi: 'Chế biến', en: 'Processing' },
  'public.what.retail_selling': { vi: 'Bán lẻ', en: 'Retail sale' },
  'public.what.growing': { vi: 'Canh tác', en: 'Growing' },
  'public.what.event': { vi: 'Sự kiện', en: 'Event' },
});

defineMessages({
  'public.home': { vi: 'Về trang chủ', en: 'Go to the home page' },
});

defineMessages({
  'public.storage': {
    vi: 'Bảo quản: nhiệt độ, độ ẩm ra ngoài mức cho phép',
    en: 'Storage: temperature or humidity out of range (in Vietnamese)',
  },
});
