import { defineMessages } from '../platform/index.ts';

defineMessages({
  'accounts.weakPassword': {
    vi: 'mật khẩu cần ít nhất {minimum} ký tự, không chỉ gồm chữ số',
    en: 'the password needs at least {minimum} characters, not only digits',
  },
  'accounts.commonPassword': {
    vi: 'mật khẩu này quá phổ biến, kẻ gian thử nó đầu tiên; hãy chọn một cụm từ riêng của bạn',
    en: 'this password is too common: it is among the first an attacker tries; choose a phrase of your own',
  },
  'accounts.demoPassword': {
    vi: 'đây là mật khẩu mẫu đã công bố, chỉ dùng cho bản trình diễn',
    en: 'this is the published demo password, for the demo only',
  },
  'accounts.personalPassword': {
    vi: 'mật khẩu không được chứa email hoặc tên của tài khoản',
    en: 'the password must not contain the account’s email or name',
  },
});
