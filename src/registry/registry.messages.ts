import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.registry.organisation-not-found': { vi: 'Không tìm thấy tổ chức', en: 'Organisation not found' },
  'problem.registry.location-not-found': { vi: 'Không tìm thấy địa điểm', en: 'Location not found' },
  'problem.registry.product-not-found': { vi: 'Không tìm thấy sản phẩm', en: 'Product not found' },
  'problem.registry.lot-not-found': { vi: 'Không tìm thấy lô hàng', en: 'Lot not found' },
  'problem.registry.certificate-not-found': {
    vi: 'Không tìm thấy giấy chứng nhận',
    en: 'Certificate not found',
  },
  'problem.registry.traceability-system-not-found': {
    vi: 'Không tìm thấy hệ thống truy xuất',
    en: 'Traceability system not found',
  },
  'problem.registry.tax-code-taken': {
    vi: 'Mã số thuế {taxCode} đã được đăng ký',
    en: 'Tax code {taxCode} is already registered',
  },
  'problem.registry.gtin-taken': {
    vi: 'GTIN {gtin} đã được đăng ký',
    en: 'GTIN {gtin} is already registered',
  },
  'problem.registry.prefix-taken': {
    vi: 'Mã doanh nghiệp GS1 {prefix} đã thuộc về tổ chức khác',
    en: 'The GS1 company prefix {prefix} already belongs to another organisation',
  },
  'registry.recallReason': {
    vi: 'cần ghi lý do thu hồi lô',
    en: 'give the reason for recalling the lot',
  },
  'registry.prefixTaken': {
    vi: 'mã doanh nghiệp GS1 {prefix} trùng hoặc chồng lên mã của tổ chức khác',
    en: "the GS1 company prefix {prefix} equals or overlaps another organisation's prefix",
  },
  'problem.registry.gtin-not-own': {
    vi: 'GTIN {gtin} không thuộc mã doanh nghiệp GS1 của tổ chức; không thể phê duyệt',
    en: 'GTIN {gtin} is not under a GS1 company prefix of the organisation; it cannot be approved',
  },
  'registry.gtinNoPrefix': {
    vi: 'tổ chức chưa khai báo mã doanh nghiệp GS1; hãy khai báo mã doanh nghiệp trước khi đăng ký GTIN',
    en: 'the organisation has declared no GS1 company prefix; declare it before registering GTINs',
  },
  'problem.registry.gln-taken': { vi: 'GLN {gln} đã được đăng ký', en: 'GLN {gln} is already registered' },
  'problem.registry.lot-taken': {
    vi: 'Lô {lot} của GTIN {gtin} đã tồn tại',
    en: 'Lot {lot} of GTIN {gtin} already exists',
  },
  'problem.registry.lot-destroyed': {
    vi: 'Lô đã bị tiêu hủy; chỉ quản trị viên Sở mới thay đổi được trạng thái',
    en: 'The lot was destroyed; only the department administrator can change its status',
  },
  'problem.registry.lift-recall': {
    vi: 'Chỉ thanh tra hoặc quản trị viên Sở mới được gỡ bỏ lệnh thu hồi lô',
    en: 'Only an inspector or the department administrator can lift a recall',
  },
  'problem.registry.nothing-published': {
    vi: 'Mục này hiện không có phiên bản nào đang công khai để gỡ xuống',
    en: 'Nothing of this is public, so there is nothing to withdraw',
  },
  'problem.registry.review-transition': {
    vi: 'Không thể chuyển trạng thái thẩm định từ "{from}" sang "{to}"',
    en: 'The review status cannot change from "{from}" to "{to}"',
  },
  'registry.glnTaken': {
    vi: 'GLN {gln} đã thuộc về tổ chức khác',
    en: 'GLN {gln} already belongs to another organisation',
  },
  'registry.taxCode': {
    vi: 'mã số thuế không hợp lệ (10 chữ số có số kiểm tra, hoặc 10 chữ số-3 chữ số cho chi nhánh)',
    en: 'is not a valid tax code (10 digits with a check digit, or 10 digits-3 digits for a branch)',
  },
  'registry.gtin': {
    vi: 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số, chữ số cuối là số kiểm tra đúng',
    en: 'A GTIN has 8, 12, 13 or 14 digits, the last one a correct check digit',
  },
  'registry.gln': {
    vi: 'GLN không hợp lệ (13 chữ số với số kiểm tra đúng)',
    en: 'is not a valid GLN (13 digits with a correct check digit)',
  },
  'registry.companyPrefix': {
    vi: 'mã doanh nghiệp GS1 phải có từ 4 đến 12 chữ số',
    en: 'a GS1 company prefix has 4 to 12 digits',
  },
  'registry.commune': {
    vi: 'không có đơn vị hành chính mã {code} trong tỉnh',
    en: 'no administrative unit of the province has code {code}',
  },
  'registry.gtinPrefix': {
    vi: 'GTIN không thuộc mã doanh nghiệp GS1 nào của tổ chức',
    en: 'the GTIN is not under any GS1 company prefix of the organisation',
  },
  'registry.lotSyntax': {
    vi: 'số lô tối đa 20 ký tự thuộc bộ ký tự GS1 AI 82',
    en: 'a lot number has at most 20 characters of the GS1 AI 82 character set',
  },
  'registry.expiryBeforeProduction': {
    vi: 'hạn sử dụng phải sau ngày sản xuất',
    en: 'the expiry date must be after the production date',
  },
  'registry.validToBeforeValidFrom': {
    vi: 'ngày hết hiệu lực phải sau ngày cấp',
    en: 'the end of validity must be after its start',
  },
  'registry.ocopValidity': {
    vi: 'chứng nhận OCOP có hiệu lực tối đa 36 tháng',
    en: 'an OCOP rating is valid for at most 36 months',
  },
  'registry.ocopIncomplete': {
    vi: 'cần đủ số sao, số quyết định và ngày hết hạn OCOP',
    en: 'an OCOP rating needs its stars, decision and expiry together',
  },
  'registry.unknownOrganisation': {
    vi: 'tổ chức không tồn tại hoặc bạn không có quyền',
    en: 'the organisation does not exist or is not yours',
  },
  'registry.unknownProduct': {
    vi: 'sản phẩm không tồn tại hoặc không thuộc tổ chức',
    en: 'the product does not exist or does not belong to the organisation',
  },
  'registry.unknownLocation': {
    vi: 'địa điểm không tồn tại hoặc không thuộc tổ chức',
    en: 'the location does not exist or does not belong to the organisation',
  },
  'registry.unknownLot': { vi: 'lô đầu vào {id} không tồn tại', en: 'input lot {id} does not exist' },
  'registry.lotProductMismatch': {
    vi: 'GTIN của lô khác GTIN của sản phẩm',
    en: 'the lot GTIN differs from the product GTIN',
  },
  'registry.polygon': {
    vi: 'vùng phải là GeoJSON Polygon hoặc MultiPolygon hợp lệ (kinh độ, vĩ độ)',
    en: 'must be a valid GeoJSON Polygon or MultiPolygon (longitude, latitude)',
  },
  'registry.fileUrl': {
    vi: 'phải là địa chỉ http(s) đầy đủ hoặc đường dẫn tệp đã tải lên',
    en: 'must be a full http(s) address or the path of an uploaded file',
  },
  'registry.coordinatesPair': {
    vi: 'cần cả vĩ độ và kinh độ',
    en: 'latitude and longitude go together',
  },
});
