import { defineMessages } from '../platform/index.ts';

defineMessages({
  'public.dpp.title': { vi: 'Hộ chiếu số của sản phẩm', en: 'Digital product passport' },
  'public.dpp.basis': {
    vi: 'Theo Điều 32 Nghị định 37/2026/NĐ-CP',
    en: 'As Article 32 of Decree 37/2026/NĐ-CP requires',
  },
  'public.dpp.version': {
    vi: 'Phiên bản {n}, Sở duyệt ngày {date}',
    en: 'Version {n}, approved by the department on {date}',
  },
  'public.dpp.versionPublished': {
    vi: 'Thông tin đã được Sở duyệt ngày {date}',
    en: 'Information approved by the department on {date}',
  },
  'public.dpp.notCurrent': {
    vi: 'Đây là phiên bản cũ. Xem phiên bản hiện hành',
    en: 'This is an earlier version. See the current one',
  },
  'public.dpp.identity': { vi: 'Tên và mã sản phẩm', en: 'Name and product code' },
  'public.dpp.responsible': {
    vi: 'Tổ chức sản xuất, nhập khẩu, kinh doanh',
    en: 'Producer, importer or trader',
  },
  'public.dpp.name': { vi: 'Tên', en: 'Name' },
  'public.dpp.origin': {
    vi: 'Xuất xứ, nơi hoàn thiện cuối cùng',
    en: 'Origin, place of the last finishing stage',
  },
  'public.dpp.trace': { vi: 'Thông tin truy xuất nguồn gốc', en: 'Traceability information' },
  'public.dpp.traceLink': { vi: 'Xem hành trình của sản phẩm', en: 'See the product’s journey' },
  'public.dpp.certs': {
    vi: 'Chứng nhận hợp chuẩn, hợp quy, chất lượng',
    en: 'Certificates of conformity and quality',
  },
  'public.dpp.declaration': { vi: 'Số tự công bố', en: 'Self-declaration' },
  'public.dpp.dates': { vi: 'Ngày sản xuất và hạn sử dụng', en: 'Production date and expiry' },
  'public.dpp.perLot': {
    vi: 'Ghi trên bao bì theo từng lô',
    en: 'Printed on each pack, per lot',
  },
  'public.dpp.warnings': { vi: 'Cảnh báo an toàn', en: 'Safety warnings' },
  'public.dpp.noWarnings': { vi: 'Không có cảnh báo riêng', en: 'No particular warning' },
  'public.dpp.other': { vi: 'Thông tin khác theo yêu cầu', en: 'Other required information' },
  'public.dpp.history': { vi: 'Lịch sử phiên bản', en: 'Version history' },
  'public.dpp.current': { vi: 'hiện hành', en: 'current' },
  'public.dpp.data': { vi: 'Dữ liệu máy đọc (JSON-LD)', en: 'Machine-readable data (JSON-LD)' },
  'public.dpp.recalled': { vi: 'Lô hàng đang bị thu hồi', en: 'This lot is being recalled' },
  'public.dpp.notFound': {
    vi: 'Sản phẩm này chưa có thông tin được Sở duyệt.',
    en: 'The department has not approved any information for this product.',
  },
  'public.epil.title': { vi: 'Nhãn điện tử', en: 'Electronic label' },
  'public.epil.group': { vi: 'Nhóm hàng: {name}', en: 'Goods group: {name}' },
  'public.epil.noGroup': {
    vi: 'Sản phẩm chưa khai báo nhãn điện tử.',
    en: 'The product has no electronic label yet.',
  },
  'public.epil.missing': { vi: '(chưa khai báo)', en: '(not given)' },
  'public.epil.print': {
    vi: 'In trang này để có nội dung nhãn hàng hoá.',
    en: 'Print this page for the text of the physical label.',
  },
  'public.epil.passport': { vi: 'Hộ chiếu số', en: 'Digital passport' },
  'public.epil.label': { vi: 'Nhãn điện tử', en: 'Electronic label' },
  'public.versionNumber': {
    vi: 'phải là số thứ tự của một phiên bản (1, 2, 3 …)',
    en: 'must be the number of a version (1, 2, 3 …)',
  },
});
