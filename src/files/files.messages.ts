import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.files-unsupported-type': {
    vi: 'Loại tệp không được hỗ trợ',
    en: 'This kind of file is not supported',
  },
  'problem.files-too-large': { vi: 'Tệp vượt quá {megabytes} MB', en: 'The file exceeds {megabytes} MB' },
  'problem.files-no-file': { vi: 'Chưa gửi tệp', en: 'No file was sent' },
  'files.unsupportedType': {
    vi: 'chỉ nhận ảnh JPEG, PNG, WebP, GIF, AVIF hoặc tệp PDF (kiểm tra theo nội dung, không theo tên tệp)',
    en: 'only JPEG, PNG, WebP, GIF or AVIF images and PDF files are accepted (checked by content, not by name)',
  },
  'files.undecodableImage': {
    vi: 'ảnh bị hỏng, không đọc được',
    en: 'the image is damaged and cannot be read',
  },
  'files.tooLarge': { vi: 'tệp vượt quá {megabytes} MB', en: 'the file exceeds {megabytes} MB' },
  'files.notFound': { vi: 'không có tệp {id} của tổ chức này', en: 'no file {id} of this organisation' },
  'files.organisationUnknown': {
    vi: 'không có tổ chức, cơ sở này trong hệ thống',
    en: 'there is no such organisation in the system',
  },
  'files.missing': { vi: 'cần gửi một tệp trong trường "file"', en: 'send one file in the "file" field' },
});
