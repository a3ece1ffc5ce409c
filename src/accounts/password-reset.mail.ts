import type { Mail } from '../platform/index.ts';

/** The reset link's page in the back office. */
export const resetLink = (baseUrl: string, token: string) =>
  `${baseUrl}/app/reset-password?token=${encodeURIComponent(token)}`;

/** The mail that carries a reset link, in Vietnamese with an English paragraph below. */
export function resetMail(
  to: { email: string; name: string },
  link: string,
  opts: { byDepartment: boolean; lifetimeMinutes: number },
): Mail {
  const why = opts.byDepartment
    ? 'Quản trị viên của Sở Khoa học và Công nghệ đã gửi cho bạn liên kết đặt mật khẩu mới cho tài khoản TXNG.'
    : 'Có người (có thể là bạn) vừa yêu cầu đặt lại mật khẩu tài khoản TXNG của bạn.';
  return {
    to: to.email,
    subject: 'Đặt lại mật khẩu TXNG / Reset your TXNG password',
    text: [
      `Xin chào ${to.name},`,
      '',
      why,
      `Mở liên kết dưới đây để đặt mật khẩu mới. Liên kết dùng được một lần, trong ${opts.lifetimeMinutes} phút:`,
      '',
      link,
      '',
      'Sau khi đặt mật khẩu mới, mọi phiên đăng nhập cũ đều kết thúc. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
      '',
      '---',
      `To set a new password for your TXNG account, open the link above within ${opts.lifetimeMinutes} minutes; it works once. If you did not ask for it, ignore this mail: your password stays as it is.`,
    ].join('\n'),
  };
}
