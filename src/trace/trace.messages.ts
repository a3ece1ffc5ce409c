import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.trace.bad-id': {
    vi: 'Mã truy xuất không hợp lệ',
    en: 'The traceability code is not valid',
  },
  'trace.badId': {
    vi: 'không phải mã GS1 hợp lệ (Digital Link, URN EPC hoặc chuỗi phần tử): {reason}',
    en: 'is not a valid GS1 code (Digital Link, EPC URN or element string): {reason}',
  },
  'problem.trace.not-found': {
    vi: 'Không có dữ liệu truy xuất cho mã {id}',
    en: 'Nothing is known about {id}',
  },
});
