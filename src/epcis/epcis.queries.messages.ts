import { defineMessages } from '../platform/index.ts';

// named queries and subscriptions (epcis.queries.routes.ts)
defineMessages({
  'problem.epcis-query-exists': {
    vi: 'Tổ chức đã có truy vấn tên "{name}"',
    en: 'Your organisation already has a query named "{name}"',
  },
  'problem.epcis-query-not-found': {
    vi: 'Không tìm thấy truy vấn "{name}"',
    en: 'No query named "{name}"',
  },
  'problem.epcis-subscription-not-found': {
    vi: 'Không tìm thấy đăng ký nhận sự kiện này',
    en: 'No such subscription',
  },
  'problem.epcis-queries-staff': {
    vi: 'Truy vấn đặt tên và đăng ký nhận sự kiện thuộc về một tổ chức; cán bộ của Sở dùng GET /epcis/events',
    en: 'Named queries and subscriptions belong to an organisation; department staff use GET /epcis/events',
  },
  'problem.epcis-query-organisation-required': {
    vi: 'Cần chọn tổ chức (tiêu đề X-Organisation-Id) sở hữu truy vấn',
    en: 'Choose the organisation that owns the query (X-Organisation-Id header)',
  },
  'problem.epcis-subscription-controls': {
    vi: 'Đăng ký nhận sự kiện không hợp lệ',
    en: 'The subscription is not valid',
  },
  'problem.epcis-socket-origin': {
    vi: 'Không mở kết nối WebSocket từ trang của một nguồn (origin) khác',
    en: 'A WebSocket may not be opened from a page of another origin',
  },
  'epcis.query.badValue': {
    vi: 'giá trị phải là chuỗi, số, true/false hoặc danh sách chuỗi',
    en: 'the value must be a string, a number, true/false or a list of strings',
  },
  'epcis.subscription.streamOrSchedule': {
    vi: 'cần đúng một trong hai: "stream": true (gửi ngay khi có sự kiện) hoặc "schedule" (gửi theo lịch)',
    en: 'give exactly one of "stream": true (sent as events arrive) or "schedule" (sent on a timetable)',
  },
  'epcis.subscription.destScheme': {
    vi: 'địa chỉ nhận phải là URL http hoặc https',
    en: 'the destination must be an http or https URL',
  },
  'epcis.subscription.destNotAllowed': {
    vi: 'địa chỉ nhận không nằm trong danh sách được phép gửi tới (TXNG_EPCIS_WEBHOOK_ALLOW)',
    en: 'the destination is not among the addresses events may be sent to (TXNG_EPCIS_WEBHOOK_ALLOW)',
  },
  'epcis.subscription.destMissing': {
    vi: 'cần địa chỉ nhận (dest), hoặc mở kết nối WebSocket tới /queries/{tên}/events',
    en: 'a destination (dest) is needed, or open a WebSocket to /queries/{name}/events',
  },
  'epcis.schedule.badField': {
    vi: 'phải là các số từ {min} đến {max}, cách nhau bởi dấu phẩy, hoặc khoảng dạng [a-b]',
    en: 'must be numbers from {min} to {max} separated by commas, or ranges written [a-b]',
  },
  'epcis.schedule.secondsUnsupported': {
    vi: 'lịch tính theo phút: "second" chỉ được bỏ trống hoặc bằng "0"',
    en: 'schedules run to the minute: "second" may only be absent or "0"',
  },
});
