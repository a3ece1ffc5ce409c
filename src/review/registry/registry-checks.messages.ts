import { defineMessages } from '../../platform/index.ts';

defineMessages({
  'review.check.exists': { vi: 'Đối tượng không còn tồn tại', en: 'The thing under review no longer exists' },
  'review.check.taxCode': { vi: 'Mã số thuế hợp lệ (đúng số kiểm tra)', en: 'Valid tax code (check digit)' },
  'review.check.producerAddress': {
    vi: 'Có địa chỉ cơ sở (xã/phường và số nhà, đường)',
    en: 'Address given (commune/ward and street)',
  },
  'review.check.representative': { vi: 'Có người đại diện', en: 'Representative named' },
  'review.check.contact': { vi: 'Có số điện thoại hoặc email liên hệ', en: 'Phone or email given' },
  'review.check.certificatesValid': {
    vi: 'Các chứng nhận còn hiệu lực {expired}',
    en: 'Certificates still valid {expired}',
  },
  'review.check.tt02.name': { vi: 'TT02 mục 1: tên sản phẩm', en: 'TT 02 item 1: product name' },
  'review.check.tt02.image': {
    vi: 'TT02 mục 2: có ảnh sản phẩm, địa chỉ ảnh tải được {url}',
    en: 'TT 02 item 2: product image present at a fetchable address {url}',
  },
  'review.check.tt02.producer': {
    vi: 'TT02 mục 3–4: tên và địa chỉ tổ chức sản xuất, kinh doanh',
    en: 'TT 02 items 3–4: producer name and address',
  },
  'review.check.imagesFound': {
    vi: 'Các ảnh lưu trên hệ thống đều còn và thuộc tổ chức {ids}',
    en: 'Every stored image exists and belongs to the organisation {ids}',
  },
  'review.check.imagesHosted': {
    vi: 'Ảnh được lưu trên hệ thống (cổng quốc gia luôn tải được)',
    en: 'Images are stored here (the national portal can always fetch them)',
  },
  'review.check.producerApproved': {
    vi: 'Hồ sơ tổ chức sản xuất đã được phê duyệt',
    en: 'The producer’s profile is approved',
  },
  'review.check.gtin': {
    vi: 'TT02 mục 7: mã GTIN {gtin} đúng số kiểm tra',
    en: 'TT 02 item 7: GTIN {gtin} has a valid check digit',
  },
  'review.check.tt02.brand': {
    vi: 'TT02 mục 8: nhãn hiệu hoặc mã kiểu (nếu có)',
    en: 'TT 02 item 8: brand or model code (if any)',
  },
  'review.check.tt02.shelfLife': {
    vi: 'TT02 mục 9: hạn sử dụng (nếu có)',
    en: 'TT 02 item 9: shelf life (if any)',
  },
  'review.check.tt02.standards': {
    vi: 'TT02 mục 10: tiêu chuẩn áp dụng (TCVN, QCVN, TCCS…)',
    en: 'TT 02 item 10: applied standards (TCVN, QCVN, in-house…)',
  },
  'review.check.ocopValid': { vi: 'Chứng nhận OCOP còn hiệu lực', en: 'OCOP rating still valid' },
  'review.check.gln': {
    vi: 'Mã địa điểm GLN {gln} đúng số kiểm tra',
    en: 'GLN {gln} has a valid check digit',
  },
  'review.check.locationAddress': {
    vi: 'Có địa chỉ địa điểm (xã/phường và số nhà, đường)',
    en: 'Location address given (commune/ward and street)',
  },
  'review.check.coordinates': {
    vi: 'Có tọa độ hoặc ranh giới trên bản đồ',
    en: 'Map point or outline given',
  },
  'review.check.growingAreaCode': {
    vi: 'Vùng trồng có mã số vùng trồng',
    en: 'A growing area has its growing-area code',
  },
  'review.check.productApproved': {
    vi: 'Sản phẩm của lô đã được phê duyệt',
    en: 'The lot’s product is approved',
  },
  'review.check.productionDate': { vi: 'Có ngày sản xuất', en: 'Production date given' },
  'review.check.productionNotFuture': {
    vi: 'Ngày sản xuất không ở tương lai',
    en: 'Production date not in the future',
  },
  'review.check.expiryAfterProduction': {
    vi: 'Hạn sử dụng sau ngày sản xuất',
    en: 'Expiry after production',
  },
  'review.check.tt02.expiry': {
    vi: 'TT02 mục 9: hạn sử dụng của lô (nếu có)',
    en: 'TT 02 item 9: the lot’s expiry (if any)',
  },
  'review.check.lotSource': {
    vi: 'Lô có nguồn gốc: nơi sản xuất hoặc lô nguyên liệu đầu vào',
    en: 'The lot has a source: where it was produced, or its input lots',
  },
  'review.check.tt02.stages': {
    vi: 'TT02 mục 5–6: đã ghi nhận công đoạn ({count} sự kiện)',
    en: 'TT 02 items 5–6: stages recorded ({count} events)',
  },
  'review.check.noFutureEvent': {
    vi: 'Không có sự kiện ở thời điểm tương lai {time}',
    en: 'No event dated in the future {time}',
  },
  'review.check.noShipmentBeforeOrigin': {
    vi: 'Không xuất hàng trước khi thu hoạch/sản xuất {time}',
    en: 'No shipment before harvest or production {time}',
  },
});
