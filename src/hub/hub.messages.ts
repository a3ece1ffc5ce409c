import { defineMessages } from '../platform/index.ts';

defineMessages({
  'problem.hub.node-key-required': {
    vi: 'Cần khoá của tỉnh (Authorization: Bearer <khoá>) để gửi dữ liệu lên trục',
    en: 'A province node key is required (Authorization: Bearer <key>) to deliver to the hub',
  },
  'problem.hub.bad-node-key': {
    vi: 'Khoá của tỉnh không đúng hoặc đã bị thu hồi',
    en: 'The province node key is wrong or has been revoked',
  },
  'problem.hub.unknown-code': {
    vi: 'Mã này đúng định dạng GS1 nhưng không có tỉnh nào gửi lên trục quốc gia',
    en: 'This code is well-formed GS1 but no province has sent it to the national hub',
  },
  'problem.hub.invalid-digital-link': {
    vi: 'Địa chỉ này không phải là một mã GS1 Digital Link đúng chuẩn',
    en: 'This address is not a well-formed GS1 Digital Link',
  },
  'hub.provinceTaken': {
    vi: 'tỉnh này đã được đăng ký trên trục',
    en: 'this province is already registered on the hub',
  },
});
