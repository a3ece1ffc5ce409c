import { gs1Messages } from '../gs1/index.ts';
import { defineMessages } from '../platform/index.ts';

// identifier errors carry the gs1 module's codes
defineMessages(gs1Messages);

defineMessages({
  'problem.epcis-invalid-document': {
    vi: 'Tài liệu EPCIS không hợp lệ',
    en: 'The EPCIS document is not valid',
  },
  'problem.epcis-capture-not-found': { vi: 'Không tìm thấy lần ghi nhận này', en: 'No such capture job' },
  'problem.epcis-event-not-found': { vi: 'Không tìm thấy sự kiện', en: 'No such event' },
  'problem.epcis-organisation-required': {
    vi: 'Cần chọn tổ chức (tiêu đề X-Organisation-Id) để ghi nhận sự kiện',
    en: 'Choose the organisation you act for (X-Organisation-Id header) to capture events',
  },
  'problem.epcis-declaration-forbidden': {
    vi: 'Không được khai báo sai sót cho sự kiện của tổ chức khác',
    en: 'You may not declare errors in events another organisation captured',
  },
  'problem.epcis-event-id-taken': {
    vi: 'Mã sự kiện (eventID) đã được tổ chức khác sử dụng',
    en: 'An eventID is already used by another organisation',
  },
  'epcis.eventID.taken': {
    vi: 'mã sự kiện "{eventID}" đã thuộc về một sự kiện của tổ chức khác; hãy dùng mã khác',
    en: 'the eventID "{eventID}" already belongs to another organisation\'s event; use another ID',
  },
  'problem.epcis-event-id-clash': {
    vi: 'Mã sự kiện (eventID) đã được dùng cho một sự kiện có nội dung khác; không có gì được lưu',
    en: 'An eventID is already used for an event with different content; nothing was stored',
  },
  'epcis.eventID.clash': {
    vi: 'mã sự kiện "{eventID}" đã được ghi nhận với nội dung khác; sự kiện mới cần mã mới, sửa sự kiện cũ bằng khai báo sai sót (errorDeclaration)',
    en: 'the eventID "{eventID}" is already recorded with different content; a new event needs a new ID, and a recorded one is corrected by an errorDeclaration',
  },
  'epcis.errorDeclaration.notOwner': {
    vi: 'sự kiện "{eventID}" do tổ chức khác ghi nhận; chỉ tổ chức đó hoặc Sở mới được khai báo sai sót',
    en: 'the event "{eventID}" was captured by another organisation; only it or the department may declare it erroneous',
  },
  'problem.epcis-capture-staff': {
    vi: 'Cán bộ của Sở và các ngành không ghi nhận sự kiện thay doanh nghiệp; hồ sơ của cơ quan có chức năng riêng',
    en: "Department staff do not capture events for businesses; the department's own records have their own routes",
  },
  'problem.epcis-organisation-not-approved': {
    vi: 'Tổ chức chưa được phê duyệt nên chưa thể ghi nhận sự kiện',
    en: 'The organisation is not approved yet, so it cannot capture events',
  },
  'problem.epcis-capture-forbidden': {
    vi: 'Tài liệu nói về hàng hóa hoặc địa điểm của tổ chức khác; không có gì được lưu',
    en: "The document speaks for another organisation's goods or places; nothing was stored",
  },
  'epcis.capture.foreignPlace': {
    vi: 'địa điểm "{id}" thuộc tổ chức khác',
    en: 'the place "{id}" belongs to another organisation',
  },
  'epcis.capture.foreignGoods': {
    vi: 'hàng hóa "{id}" thuộc tổ chức khác và chưa được giao cho tổ chức của bạn',
    en: 'the goods "{id}" belong to another organisation and were not shipped to yours',
  },
  'epcis.capture.foreignOutput': {
    vi: 'hàng hóa "{id}" mang mã của tổ chức khác; chỉ được tạo ra hàng hóa mang mã của mình',
    en: 'the goods "{id}" carry another organisation\'s key; you may only make goods under your own keys',
  },
  'problem.epcis-invalid-query': {
    vi: 'Tham số truy vấn không hợp lệ',
    en: 'The query parameters are not valid',
  },
  'epcis.schema.required': {
    vi: 'thiếu trường bắt buộc "{property}"',
    en: 'the required field "{property}" is missing',
  },
  'epcis.schema.type': {
    vi: 'sai kiểu dữ liệu, cần {expected}',
    en: 'has the wrong type, expected {expected}',
  },
  'epcis.schema.enum': { vi: 'phải là một trong: {allowed}', en: 'must be one of: {allowed}' },
  'epcis.schema.format': { vi: 'sai định dạng ({format})', en: 'has the wrong format ({format})' },
  'epcis.schema.pattern': { vi: 'sai định dạng', en: 'does not have the expected form' },
  'epcis.schema.unknownField': {
    vi: 'trường "{property}" không thuộc EPCIS; trường mở rộng phải có tiền tố không gian tên (vd. "ex:{property}")',
    en: 'the field "{property}" is not part of EPCIS; extension fields need a namespace prefix (e.g. "ex:{property}")',
  },
  'epcis.schema.tooShort': {
    vi: 'cần ít nhất {limit} phần tử/ký tự',
    en: 'needs at least {limit} items or characters',
  },
  'epcis.schema.tooLong': {
    vi: 'vượt quá {limit} phần tử/ký tự',
    en: 'has more than {limit} items or characters',
  },
  'epcis.schema.range': {
    vi: 'giá trị ngoài khoảng cho phép ({limit})',
    en: 'is out of the allowed range ({limit})',
  },
  'epcis.schema.unique': { vi: 'có phần tử trùng lặp', en: 'has duplicate items' },
  'epcis.schema.invalid': {
    vi: 'không hợp lệ theo lược đồ EPCIS 2.0',
    en: 'is not valid under the EPCIS 2.0 schema',
  },
  'epcis.notADocument': {
    vi: 'phải là một EPCISDocument (hoặc EPCISQueryDocument) dạng JSON',
    en: 'must be a JSON EPCISDocument (or EPCISQueryDocument)',
  },
  'epcis.xml.notADocument': {
    vi: 'phần tử gốc "{root}" không phải tài liệu EPCIS 2.0 XML: cần epcis:EPCISDocument, EPCISQueryDocument hoặc EPCISMasterDataDocument (một sự kiện riêng lẻ chỉ nhận dạng JSON-LD)',
    en: 'the root element "{root}" is no EPCIS 2.0 XML document: it must be epcis:EPCISDocument, EPCISQueryDocument or EPCISMasterDataDocument (a single event is captured as JSON-LD only)',
  },
  'epcis.gs1Identifier': {
    vi: 'mã GS1 không hợp lệ: {reason}',
    en: 'is not a valid GS1 identifier: {reason}',
  },
  'epcis.ilmdOnlyOnAdd': {
    vi: 'ILMD chỉ được dùng trong ObjectEvent có action ADD hoặc trong TransformationEvent',
    en: 'ILMD is only allowed on an ObjectEvent with action ADD or on a TransformationEvent',
  },
  'epcis.transformationNeedsInputOrOutput': {
    vi: 'TransformationEvent phải có đầu vào hoặc đầu ra',
    en: 'a TransformationEvent needs inputs or outputs',
  },
  'epcis.timeZoneRequired': {
    vi: 'thời điểm phải ghi múi giờ (vd. 2024-05-01T08:00:00+07:00)',
    en: 'the time needs a time-zone offset (e.g. 2024-05-01T08:00:00+07:00)',
  },
  'epcis.impossibleTime': {
    vi: 'thời điểm không tồn tại (tháng 1–12, ngày có trong tháng, giờ 0–23, múi giờ trong ±14:00)',
    en: 'the time does not exist (month 1–12, a day the month has, hour 0–23, offset within ±14:00)',
  },
  'epcis.timeZoneOffset': {
    vi: 'độ lệch múi giờ phải có dạng ±hh:mm, từ -12:00 đến +14:00',
    en: 'the time-zone offset must look like ±hh:mm, between -12:00 and +14:00',
  },
  'epcis.unknownPrefix': {
    vi: 'tiền tố "{prefix}" chưa được khai báo trong @context',
    en: 'the prefix "{prefix}" is not declared in @context',
  },
  'epcis.parentIdRequired': {
    vi: 'AggregationEvent với action {action} cần parentID',
    en: 'an AggregationEvent with action {action} needs a parentID',
  },
  'epcis.tooDeep': {
    vi: 'dữ liệu lồng nhau quá {limit} tầng',
    en: 'the data is nested more than {limit} levels deep',
  },
  'epcis.query.badTime': {
    vi: 'thời điểm không hợp lệ (ISO 8601 có múi giờ)',
    en: 'not a valid ISO 8601 time with offset',
  },
  'epcis.query.badEpcPattern': {
    vi: 'mẫu EPC {value} không hợp lệ: dấu * chỉ thay cho trường cuối, cho mọi trường trừ mã doanh nghiệp, hoặc cho tất cả, và các trường còn lại phải đúng định dạng (ví dụ urn:epc:idpat:sgtin:0614141.107346.* hoặc urn:epc:idpat:sgtin:0614141.*.*)',
    en: 'the EPC pattern {value} is not valid ({reason}); e.g. urn:epc:idpat:sgtin:0614141.107346.* or urn:epc:idpat:sgtin:0614141.*.*',
  },
  'epcis.query.badToken': { vi: 'nextPageToken không hợp lệ', en: 'the nextPageToken is not valid' },
  'epcis.query.unknownParameter': {
    vi: 'tham số truy vấn không được hỗ trợ',
    en: 'this query parameter is not supported',
  },
  'epcis.query.badEventType': { vi: 'loại sự kiện không hợp lệ', en: 'not a valid event type' },
  'epcis.query.badCount': {
    vi: 'phải là số nguyên từ 1 đến {maximum}',
    en: 'must be a whole number from 1 to {maximum}',
  },
  'epcis.query.badNumber': { vi: 'phải là một số', en: 'must be a number' },
  'epcis.query.badBoolean': { vi: 'phải là true hoặc false', en: 'must be true or false' },
  'epcis.query.badNumberOrTime': {
    vi: 'phải là một số hoặc thời điểm ISO 8601 có múi giờ',
    en: 'must be a number or an ISO 8601 time with offset',
  },
  'epcis.query.emptyValue': {
    vi: 'cần ít nhất một giá trị (nhiều giá trị cách nhau bởi |)',
    en: 'needs at least one value (several separated by |)',
  },
  'epcis.query.badOrderBy': {
    vi: 'chỉ sắp xếp được theo eventTime hoặc recordTime',
    en: 'events can be ordered by eventTime or recordTime only',
  },
  'epcis.query.badOrderDirection': { vi: 'phải là ASC hoặc DESC', en: 'must be ASC or DESC' },
  'epcis.query.limitAndMax': {
    vi: 'không dùng eventCountLimit và maxEventCount cùng lúc',
    en: 'eventCountLimit and maxEventCount cannot be used together',
  },
  'epcis.query.directionWithoutOrder': {
    vi: 'orderDirection cần đi kèm orderBy',
    en: 'orderDirection needs orderBy',
  },
  'problem.epcis-query-too-large': {
    vi: 'Truy vấn khớp nhiều hơn {maximum} sự kiện (maxEventCount); hãy thu hẹp điều kiện',
    en: 'The query matches more than {maximum} events (maxEventCount); narrow it',
  },
});

defineMessages({
  'epcis.xml.malformed': { vi: 'XML sai cú pháp ({reason})', en: 'malformed XML ({reason})' },
  'epcis.xsd.unexpected': {
    vi: 'dòng {line}: phần tử "{element}" không đúng chỗ theo lược đồ XSD EPCIS 2.0; tại đây cần: {expected}',
    en: 'line {line}: the element "{element}" is out of place under the EPCIS 2.0 XSD; expected here: {expected}',
  },
  'epcis.xsd.unexpectedEnd': {
    vi: 'dòng {line}: phần tử "{element}" không được phép ở vị trí này theo lược đồ XSD EPCIS 2.0',
    en: 'line {line}: the element "{element}" is not allowed here under the EPCIS 2.0 XSD',
  },
  'epcis.xsd.missing': {
    vi: 'dòng {line}: phần tử "{element}" còn thiếu phần tử con bắt buộc: {expected}',
    en: 'line {line}: the element "{element}" lacks a required child: {expected}',
  },
  'epcis.xsd.notInList': {
    vi: 'dòng {line}: giá trị "{value}" của "{element}" không thuộc các giá trị cho phép ({allowed})',
    en: 'line {line}: the value "{value}" of "{element}" is not one of the allowed values ({allowed})',
  },
  'epcis.xsd.badValue': {
    vi: 'dòng {line}: giá trị "{value}" của "{element}" sai định dạng theo lược đồ XSD EPCIS 2.0',
    en: 'line {line}: the value "{value}" of "{element}" has the wrong form under the EPCIS 2.0 XSD',
  },
  'epcis.xsd.other': {
    vi: 'dòng {line}: tài liệu không đúng lược đồ XSD EPCIS 2.0 ({reason})',
    en: 'line {line}: the document does not follow the EPCIS 2.0 XSD ({reason})',
  },
  'epcis.xml.doctype': {
    vi: 'tài liệu EPCIS XML không được chứa DOCTYPE',
    en: 'an EPCIS XML document may not contain a DOCTYPE',
  },
});

defineMessages({
  'problem.epcis-header-invalid': {
    vi: 'Tiêu đề (header) của yêu cầu có giá trị không hợp lệ',
    en: 'A request header has a value that is not valid',
  },
  'epcis.header.value': {
    vi: 'tiêu đề {name} chỉ nhận một trong các giá trị: {allowed}',
    en: 'the {name} header takes one of: {allowed}',
  },
  'problem.epcis-not-acceptable': {
    vi: 'Không thể trả lời theo định dạng yêu cầu (Accept: {accept}); có thể trả: {offered}',
    en: 'No answer in the format asked for (Accept: {accept}); available: {offered}',
  },
});
