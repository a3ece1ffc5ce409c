import {
  administrativeUnits,
  type createOrganisation,
  type ReviewStatus,
  taxCodeCheckDigit,
} from '../registry/index.ts';
import { type DemoOrganisationKey, demoCompanyPrefixes, demoGlns } from './demo-data.ts';

/** The code of a commune or ward by name; the first unit when the department's file names it differently. */
export function commune(name: string): string {
  const { units } = administrativeUnits();
  return (units.find((u) => u.name === name) ?? units[0]).code;
}

/** A valid tax code from a nine-digit body (Đồng Nai codes start with 36, Bình Phước's with 38). */
function taxCode(body: number): string {
  for (let b = body; ; b++) {
    const check = taxCodeCheckDigit(String(b));
    if (check !== null) return `${b}${check}`;
  }
}

export const demoOrganisations: Record<
  DemoOrganisationKey,
  Parameters<typeof createOrganisation>[1] & { status: ReviewStatus }
> = {
  rambutanCoop: {
    name: 'Hợp tác xã Chôm chôm Bình Lộc',
    taxCode: taxCode(360211401),
    type: 'cooperative',
    sector: 'agriculture',
    communeCode: commune('Phường Bình Lộc'),
    streetAddress: 'Ấp Tân Hạnh',
    representative: 'Nguyễn Văn Lực',
    phone: '0251 3780 123',
    gs1CompanyPrefixes: [demoCompanyPrefixes.rambutanCoop],
    glns: [demoGlns.rambutanCoop],
    status: 'approved',
  },
  durianFarm: {
    name: 'Hộ kinh doanh Vườn sầu riêng Sáu Hậu',
    taxCode: taxCode(360311502),
    type: 'household',
    sector: 'agriculture',
    communeCode: commune('Phường Hàng Gòn'),
    streetAddress: 'Ấp Núi Tung',
    representative: 'Lê Văn Hậu',
    phone: '0908 112 233',
    gs1CompanyPrefixes: [demoCompanyPrefixes.durianFarm],
    glns: [demoGlns.durianFarm],
    status: 'approved',
  },
  packer: {
    name: 'Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc',
    taxCode: taxCode(360411603),
    type: 'enterprise',
    sector: 'agriculture',
    communeCode: commune('Xã Xuân Lộc'),
    streetAddress: 'Quốc lộ 1A, ấp Bình Hòa',
    representative: 'Phạm Thị Thu',
    email: 'lienhe@donggoixuanloc.example.vn',
    gs1CompanyPrefixes: [demoCompanyPrefixes.packer],
    glns: [demoGlns.packer],
    status: 'approved',
  },
  exporter: {
    name: 'Công ty Cổ phần Xuất nhập khẩu Trái cây Đồng Xanh',
    taxCode: taxCode(360511704),
    type: 'enterprise',
    sector: 'industry_trade',
    communeCode: commune('Phường Trấn Biên'),
    streetAddress: 'Khu công nghiệp Biên Hòa 2, đường số 3',
    representative: 'Trần Minh Quân',
    gs1CompanyPrefixes: [demoCompanyPrefixes.exporter],
    glns: [demoGlns.exporter],
    status: 'approved',
  },
  supermarket: {
    name: 'Công ty TNHH Siêu thị Hợp Phát Biên Hòa',
    taxCode: taxCode(360611805),
    type: 'enterprise',
    sector: 'industry_trade',
    communeCode: commune('Phường Biên Hòa'),
    streetAddress: '121 đường Phạm Văn Thuận',
    representative: 'Đỗ Thị Ngọc Lan',
    gs1CompanyPrefixes: [demoCompanyPrefixes.supermarket],
    glns: [demoGlns.supermarket],
    status: 'approved',
  },
  pigFarm: {
    name: 'Công ty TNHH Chăn nuôi Thống Nhất Phát',
    taxCode: taxCode(360711906),
    type: 'enterprise',
    sector: 'agriculture',
    communeCode: commune('Xã Dầu Giây'),
    streetAddress: 'Ấp Lộ 25',
    representative: 'Vũ Đình Khang',
    gs1CompanyPrefixes: [demoCompanyPrefixes.pigFarm],
    glns: [demoGlns.pigFarm],
    status: 'approved',
  },
  slaughterhouse: {
    name: 'Công ty TNHH Giết mổ Gia súc Trảng Bom',
    taxCode: taxCode(360812007),
    type: 'enterprise',
    sector: 'agriculture',
    communeCode: commune('Xã Trảng Bom'),
    streetAddress: 'Khu công nghiệp Bàu Xéo',
    representative: 'Hoàng Văn Tâm',
    gs1CompanyPrefixes: [demoCompanyPrefixes.slaughterhouse],
    glns: [demoGlns.slaughterhouse],
    status: 'approved',
  },
  marketStall: {
    name: 'Hộ kinh doanh Trần Thị Mai (sạp thịt chợ Biên Hòa)',
    taxCode: taxCode(360912108),
    type: 'household',
    sector: 'industry_trade',
    communeCode: commune('Phường Biên Hòa'),
    streetAddress: 'Chợ Biên Hòa, sạp số 42',
    representative: 'Trần Thị Mai',
    gs1CompanyPrefixes: [demoCompanyPrefixes.marketStall],
    glns: [demoGlns.marketStall],
    status: 'approved',
  },
  cashewCoop: {
    name: 'Hợp tác xã Điều Bù Đăng',
    taxCode: taxCode(380112209),
    type: 'cooperative',
    sector: 'agriculture',
    communeCode: commune('Xã Bù Đăng'),
    streetAddress: 'Thôn 4',
    representative: 'Điểu Thị Hoa',
    gs1CompanyPrefixes: [demoCompanyPrefixes.cashewCoop],
    glns: [demoGlns.cashewCoop],
    status: 'approved',
  },
  // registered last week: its profile waits in the commune officer's queue, and it has recorded nothing yet
  honeyFarm: {
    name: 'Cơ sở nuôi ong mật Tân Phú',
    taxCode: taxCode(360415302),
    type: 'household',
    sector: 'agriculture',
    communeCode: commune('Xã Tân Phú'),
    streetAddress: 'Ấp 3',
    representative: 'Lê Văn Hùng',
    gs1CompanyPrefixes: [demoCompanyPrefixes.honeyFarm],
    glns: [demoGlns.honeyFarm],
    status: 'submitted',
  },
};
