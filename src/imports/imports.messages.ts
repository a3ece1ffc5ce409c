import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.imports-unreadable': { vi: 'Không đọc được tệp', en: 'The file cannot be read' },
  'problem.imports-bad-header': {
    vi: 'Dòng tiêu đề thiếu cột bắt buộc (hãy dùng tệp mẫu)',
    en: 'The header row lacks required columns (use the template)',
  },
  'problem.imports-has-errors': {
    vi: 'Tệp còn lỗi: chưa ghi dòng nào. Sửa các dòng được nêu rồi gửi lại',
    en: 'The file has errors: nothing was stored. Fix the rows listed and send it again',
  },
  'imports.rowError': { vi: '{message}', en: '{message}' },
  'imports.empty': { vi: 'tệp trống', en: 'the file is empty' },
  'imports.tooManyRows': {
    vi: 'tệp có quá {max} dòng, hãy chia nhỏ',
    en: 'the file has more than {max} rows: split it',
  },
  'imports.tooManyColumns': {
    vi: 'tệp có quá {max} cột, hãy dùng tệp mẫu',
    en: 'the file has more than {max} columns: use the template',
  },
  'imports.cellTooLong': {
    vi: 'ô dài quá {max} ký tự (giới hạn của Excel)',
    en: "the cell is longer than {max} characters (Excel's own limit)",
  },
  'imports.xlsxTooLarge': {
    vi: 'tệp Excel giải nén ra quá lớn (mỗi phần tối đa {megabytes} MB, tổng {totalMegabytes} MB) hoặc nén bất thường; hãy lưu lại bằng Excel hoặc chia nhỏ tệp',
    en: 'the Excel file unpacks to too much (at most {megabytes} MB a part, {totalMegabytes} MB in all) or is compressed abnormally: save it again from Excel or split it',
  },
  'problem.imports-too-large': {
    vi: 'Tệp Excel quá lớn khi giải nén: không đọc',
    en: 'The Excel file is too large once unpacked: not read',
  },
  'problem.imports-busy': {
    vi: 'Tổ chức đang có tệp khác được nhập; vui lòng thử lại sau {seconds} giây',
    en: 'Another import of this organisation is under way: try again in {seconds} seconds',
  },
  'imports.notUtf8': {
    vi: 'tệp CSV phải dùng mã UTF-8 (trong Excel: Lưu thành "CSV UTF-8")',
    en: 'a CSV file must be UTF-8 (in Excel: Save as "CSV UTF-8")',
  },
  'imports.malformedCsv': { vi: 'CSV sai cấu trúc ở dòng {line}', en: 'malformed CSV at line {line}' },
  'imports.malformedXlsx': {
    vi: 'không phải tệp Excel (.xlsx) hợp lệ',
    en: 'not a valid Excel (.xlsx) file',
  },
  'imports.unsupportedFile': {
    vi: 'chỉ nhận tệp CSV hoặc Excel (.xlsx)',
    en: 'only CSV or Excel (.xlsx) files are accepted',
  },
  'imports.missingColumn': { vi: 'Thiếu cột "{column}"', en: 'The column "{column}" is missing' },
  'imports.number': { vi: '"{value}" không phải là số', en: '"{value}" is not a number' },
  'imports.unknownProduct': {
    vi: 'không có sản phẩm GTIN {value} của tổ chức này',
    en: 'this organisation has no product with GTIN {value}',
  },
  'imports.unknownLocation': {
    vi: 'không có địa điểm "{value}" của tổ chức này (GLN, mã hoặc tên)',
    en: 'this organisation has no location "{value}" (GLN, code or name)',
  },
});
