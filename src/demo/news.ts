import QRCode from 'qrcode';
import { createNews, setNewsPublished, uploadNewsAttachment } from '../news/index.ts';
import type { Config, Db } from '../platform/index.ts';
import { demoGtins } from './demo-data.ts';
import { demoActor } from './demo-registry.ts';

/** A date of the demo, at 08:00 Vietnam time. */
const on = (day: string) => `${day}T08:00:00+07:00`;

/**
 * The portal's demo news and guidance (issue 13 §4): three news items and two guidance documents of the department,
 * published, the stamp guide with a sample QR code attached; and one draft that the portal never shows.
 */
export async function seedNewsDemo(db: Db, config: Config) {
  const sample = await QRCode.toBuffer(`${config.baseUrl}/01/${demoGtins.rambutanBox}`, {
    width: 480,
    margin: 2,
  });
  const attachment = await uploadNewsAttachment(db, demoActor, {
    bytes: sample,
    fileName: 'mau-ma-qr-tem-truy-xuat.png',
  });
  const items: {
    kind: 'news' | 'guidance';
    title: string;
    summary: string;
    body: string;
    at: string;
    files?: string[];
  }[] = [
    {
      kind: 'news',
      at: '2026-11-10',
      title: 'Tỉnh ban hành Kế hoạch triển khai truy xuất nguồn gốc giai đoạn 2026 – 2030',
      summary:
        'Kế hoạch đặt mục tiêu mỗi năm tăng ít nhất 15 – 20% sản phẩm, hàng hóa có dữ liệu kết nối hệ thống truy xuất nguồn gốc của tỉnh.',
      body: `Ủy ban nhân dân tỉnh đã ban hành Kế hoạch triển khai, áp dụng và quản lý hệ thống truy xuất nguồn gốc trên địa bàn tỉnh giai đoạn 2026 – 2030, thực hiện Quyết định số 100/QĐ-TTg ngày 19/01/2019 của Thủ tướng Chính phủ và Thông tư số 02/2024/TT-BKHCN ngày 28/3/2024 của Bộ Khoa học và Công nghệ.

## Mục tiêu chính

- 100% cán bộ, công chức và tổ chức, cá nhân sản xuất, kinh doanh có nhu cầu được phổ biến thông tin, văn bản pháp luật và tập huấn về truy xuất nguồn gốc.
- Hoàn thiện hệ thống thông tin truy xuất nguồn gốc của tỉnh, kết nối và chia sẻ dữ liệu với Cổng thông tin truy xuất nguồn gốc sản phẩm, hàng hóa quốc gia.
- Mỗi năm tăng ít nhất 15 – 20% sản phẩm, hàng hóa có dữ liệu kết nối hệ thống của tỉnh.
- 100% sản phẩm thuộc danh mục bắt buộc truy xuất nguồn gốc thực hiện truy xuất theo quy định.

Sở Khoa học và Công nghệ là cơ quan thường trực, phối hợp với các sở, ngành và Ủy ban nhân dân các xã, phường tổ chức thực hiện.`,
    },
    {
      kind: 'news',
      at: '2026-11-24',
      title: 'Tập huấn truy xuất nguồn gốc cho hợp tác xã trồng chôm chôm và sầu riêng',
      summary:
        'Hơn 60 thành viên hợp tác xã và hộ kinh doanh được hướng dẫn ghi nhật ký sản xuất, khai báo lô hàng và sử dụng tem truy xuất.',
      body: `Sở Khoa học và Công nghệ phối hợp với Sở Nông nghiệp và Môi trường tổ chức lớp tập huấn tại phường Bình Lộc cho các hợp tác xã, hộ kinh doanh trồng chôm chôm, sầu riêng.

Học viên được hướng dẫn:

1. Đăng ký tham gia hệ thống và khai báo vùng trồng, mã số vùng trồng.
2. Ghi nhật ký canh tác trên điện thoại: bón phân, phun thuốc, thu hoạch.
3. Khai báo lô hàng và đề nghị cấp tem truy xuất nguồn gốc.

Các lớp tiếp theo sẽ được thông báo trên [trang Hướng dẫn](/huong-dan) của cổng thông tin.`,
    },
    {
      kind: 'news',
      at: '2026-12-01',
      title: 'Danh mục sản phẩm nông nghiệp bắt buộc truy xuất nguồn gốc có hiệu lực',
      summary:
        'Sầu riêng, thịt heo tươi, heo xuất chuồng và mật ong thuộc danh mục phải truy xuất nguồn gốc từ ngày 01/7/2026.',
      body: `Danh mục sản phẩm nông nghiệp bắt buộc truy xuất nguồn gốc của tỉnh (Quyết định số 2150/QĐ-UBND) có hiệu lực từ ngày 01/7/2026, gồm:

- Sầu riêng tươi và đóng gói;
- Thịt heo tươi;
- Heo xuất chuồng;
- Mật ong.

Tổ chức, cá nhân sản xuất, kinh doanh các sản phẩm này cần đăng ký tham gia hệ thống và ghi nhận thông tin truy xuất theo hướng dẫn của Sở. Người tiêu dùng có thể kiểm tra nguồn gốc bằng cách quét mã QR trên tem hoặc nhập mã số tại trang chủ cổng thông tin.`,
    },
    {
      kind: 'guidance',
      at: '2026-10-20',
      title: 'Hướng dẫn tham gia hệ thống truy xuất nguồn gốc của tỉnh',
      summary:
        'Các bước đăng ký, khai báo sản phẩm và nhận tem truy xuất dành cho doanh nghiệp, hợp tác xã, hộ kinh doanh.',
      body: `## Ai được tham gia

Doanh nghiệp, hợp tác xã, hộ kinh doanh sản xuất, kinh doanh trên địa bàn tỉnh. Tham gia không mất phí.

## Các bước

1. **Đăng ký tài khoản** tại [trang đăng ký](/app/register): tên cơ sở, mã số thuế, địa chỉ, người liên hệ.
2. **Chờ Sở thẩm định**: Sở Khoa học và Công nghệ kiểm tra thông tin trong vài ngày làm việc và báo kết quả qua thư điện tử.
3. **Khai báo sản phẩm** (mã GTIN do GS1 Việt Nam cấp), địa điểm sản xuất, vùng trồng; Sở duyệt trước khi công bố.
4. **Ghi nhật ký và lô hàng** trên ứng dụng, hoặc kết nối phần mềm truy xuất sẵn có theo chuẩn GS1 EPCIS 2.0.
5. **Đề nghị cấp tem** truy xuất nguồn gốc và dán lên sản phẩm.

## Cần chuẩn bị

- Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh;
- Mã số doanh nghiệp GS1 (nếu đã có);
- Giấy chứng nhận VietGAP, an toàn thực phẩm (nếu có).`,
    },
    {
      kind: 'guidance',
      at: '2026-11-05',
      title: 'Cách đọc tem truy xuất nguồn gốc',
      summary:
        'Người mua quét mã QR hoặc nhập dãy số dưới mã vạch để biết sản phẩm đến từ đâu và tem có phải hàng thật.',
      files: [attachment.id],
      body: `Tem truy xuất nguồn gốc của tỉnh có **mã QR** và **dãy số** in bên dưới.

## Quét mã QR

Mở máy ảnh của điện thoại và hướng vào mã QR. Trang truy xuất của tỉnh mở ra, cho biết:

- tên sản phẩm, cơ sở sản xuất và lô hàng;
- hành trình của lô hàng: thu hoạch, sơ chế, đóng gói, vận chuyển;
- kết luận **Sản phẩm chính hãng**, hoặc cảnh báo nếu tem đã bị quét bất thường, bị thu hồi.

Địa chỉ trang phải là của hệ thống truy xuất của tỉnh. Nếu mã QR dẫn tới trang khác, thông tin ở đó không do Sở kiểm chứng.

## Không quét được mã

Nhập dãy số dưới mã vạch vào ô **Kiểm tra mã trên sản phẩm** ở trang chủ, hoặc chụp ảnh mã QR và tải lên.

Ảnh mẫu mã QR đính kèm bên dưới.`,
    },
  ];
  for (const item of items) {
    const created = await createNews(db, config, demoActor, {
      kind: item.kind,
      title: item.title,
      summary: item.summary,
      body: item.body,
      attachmentIds: item.files ?? [],
    });
    await setNewsPublished(db, config, demoActor, created.id, true, on(item.at));
  }
  await createNews(db, config, demoActor, {
    kind: 'news',
    title: 'Kết quả kiểm tra truy xuất nguồn gốc năm 2026 (bản nháp)',
    summary: 'Đang tổng hợp, chưa đăng.',
    body: 'Sở đang tổng hợp kết quả các đợt kiểm tra.',
    attachmentIds: [],
  });
}
