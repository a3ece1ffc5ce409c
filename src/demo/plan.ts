import {
  createIndicator,
  createPlan,
  createTask,
  type IndicatorInput,
  indicatorFormula,
  setTargets,
  type TaskInput,
} from '../plan/index.ts';
import type { Db } from '../platform/index.ts';
import { demoActor } from './demo-registry.ts';

// The demo province follows the plan of Đồng Nai for 2026–2030 (seed 002): its specific targets (part II.2) and
// the appendix's table of tasks, as written. The plan gives no decision number or date yet ("Số: /KH-UBND"), so
// none is made up; figures the data cannot give are indicators entered by hand, left empty for the department.

const years = [2026, 2027, 2028, 2029, 2030];
const everyYear = (target: number) => years.map((year) => ({ year, target }));

/** A formula owned by another module is used when that module is loaded; otherwise the value is entered by hand. */
const formulaOr = (key: string) => (indicatorFormula(key) ? key : null);

const indicators: (IndicatorInput & { targets: { year: number; target: number }[] })[] = [
  {
    code: 'II.2.a',
    name: 'Tỷ lệ cán bộ, tổ chức, cá nhân có nhu cầu được phổ biến, tập huấn về truy xuất nguồn gốc',
    unit: 'percent',
    direction: 'at_least',
    description:
      'Mục tiêu II.2.a: phấn đấu 100 %. Nguồn: báo cáo tập huấn, tuyên truyền của các sở, ngành, xã, phường.',
    targets: everyYear(100),
  },
  {
    code: 'II.2.c',
    name: 'Mức tăng hằng năm của số sản phẩm, hàng hóa có dữ liệu kết nối hệ thống truy xuất nguồn gốc của thành phố',
    formulaKey: 'products_connected_growth',
    unit: 'percent',
    direction: 'at_least',
    description: 'Mục tiêu II.2.c: mỗi năm tăng ít nhất 15 – 20 %.',
    targets: everyYear(15),
  },
  {
    code: 'II.2.d',
    name: 'Tỷ lệ sản phẩm thuộc danh mục bắt buộc truy xuất nguồn gốc của thành phố thực hiện truy xuất nguồn gốc',
    formulaKey: 'mandatory_products_traced_share',
    unit: 'percent',
    direction: 'at_least',
    description: 'Mục tiêu II.2.d: phấn đấu 100 %.',
    targets: everyYear(100),
  },
  {
    code: 'II.2.đ',
    name: 'Tỷ lệ tổ chức, cá nhân sản xuất sản phẩm chủ lực, đặc trưng, OCOP có nhu cầu được tư vấn, hỗ trợ áp dụng truy xuất nguồn gốc',
    unit: 'percent',
    direction: 'at_least',
    description: 'Mục tiêu II.2.đ: phấn đấu 100 % tổ chức, cá nhân có nhu cầu và đủ điều kiện.',
    targets: everyYear(100),
  },
  {
    code: 'PL 1.1',
    name: 'Tỷ lệ doanh nghiệp được tiếp cận thông tin về truy xuất nguồn gốc',
    unit: 'percent',
    direction: 'at_least',
    description: 'Phụ lục, nhiệm vụ 1.1: 80 % doanh nghiệp được tiếp cận thông tin.',
    targets: everyYear(80),
  },
  {
    code: 'PL 1.1b',
    name: 'Tỷ lệ cơ sở sản xuất biết về truy xuất nguồn gốc',
    unit: 'percent',
    direction: 'at_least',
    description: 'Phụ lục, nhiệm vụ 1.1: ít nhất 50 % cơ sở sản xuất biết về truy xuất nguồn gốc.',
    targets: everyYear(50),
  },
  {
    code: 'PL 1.2',
    name: 'Số lớp tập huấn, hướng dẫn áp dụng truy xuất nguồn gốc trong năm',
    formulaKey: formulaOr('programmes.training-courses'),
    unit: 'count',
    direction: 'at_least',
    description:
      'Phụ lục, nhiệm vụ 1.2: tối thiểu 02 lớp mỗi năm (kể cả lớp vận hành hệ thống của nhiệm vụ 1.3).',
    targets: everyYear(2),
  },
  {
    code: 'PL 2.1',
    name: 'Tỷ lệ sản phẩm chủ lực có truy xuất nguồn gốc',
    unit: 'percent',
    direction: 'at_least',
    description: 'Phụ lục, nhiệm vụ 2.1: ít nhất 70 % sản phẩm chủ lực có truy xuất nguồn gốc.',
    targets: everyYear(70),
  },
  {
    code: 'PL 2.2',
    name: 'Tỷ lệ hành vi vi phạm về truy xuất nguồn gốc được xử lý theo quy định',
    unit: 'percent',
    direction: 'at_least',
    description: 'Phụ lục, nhiệm vụ 2.2: 100 % hành vi vi phạm được xử lý.',
    targets: everyYear(100),
  },
  {
    code: 'PL 3.2',
    name: 'Số cơ sở sản xuất, kinh doanh tham gia hệ thống truy xuất nguồn gốc trong năm',
    formulaKey: 'organisations_joined',
    unit: 'count',
    direction: 'at_least',
    description: 'Phụ lục, nhiệm vụ 3.2: tăng số lượng cơ sở tham gia hằng năm (kế hoạch không nêu con số).',
    targets: [],
  },
  {
    code: 'PL 3.2b',
    name: 'Số tổ chức được hỗ trợ tham gia hệ thống truy xuất nguồn gốc và chuỗi giá trị',
    formulaKey: formulaOr('programmes.organisations-supported'),
    unit: 'count',
    direction: 'at_least',
    description: 'Phụ lục, nhiệm vụ 3.2 (kế hoạch không nêu con số).',
    targets: [],
  },
];

const sokhcn = 'Sở Khoa học và Công nghệ';
const sectorDepartments = 'Sở Công Thương; Sở Nông nghiệp và Môi trường; Sở Y tế';

const tasks: TaskInput[] = [
  {
    code: '1.1',
    what: 'Tổ chức tuyên truyền nâng cao nhận thức về truy xuất nguồn gốc',
    who: sokhcn,
    partners: 'Các sở, ban, ngành; UBND xã, phường; đơn vị liên quan',
    expectedResult:
      '80 % doanh nghiệp được tiếp cận thông tin; ≥ 50 % cơ sở sản xuất biết về truy xuất nguồn gốc',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '1.2',
    what: 'Tổ chức tập huấn, hướng dẫn áp dụng truy xuất nguồn gốc',
    who: sokhcn,
    partners: 'Các sở, ban, ngành thành phố; đơn vị liên quan; UBND xã, phường',
    expectedResult: 'Tổ chức tối thiểu 02 lớp/năm',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '1.3',
    what: 'Tập huấn vận hành Hệ thống truy xuất nguồn gốc của thành phố',
    who: sokhcn,
    partners: 'Các tổ chức, đơn vị liên quan',
    expectedResult: 'Tổ chức tối thiểu 01 lớp/năm',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '2.1',
    what: 'Xây dựng và trình ban hành danh mục sản phẩm bắt buộc/ưu tiên áp dụng truy xuất nguồn gốc',
    who: sectorDepartments,
    partners: 'Sở Khoa học và Công nghệ và đơn vị liên quan',
    expectedResult: 'Ban hành tối thiểu 1 danh mục/năm; ≥ 70 % sản phẩm chủ lực có truy xuất nguồn gốc',
    note: 'Tiến độ theo kế hoạch: theo yêu cầu',
  },
  {
    code: '2.2',
    what: 'Kiểm tra, giám sát và xử lý vi phạm về truy xuất nguồn gốc',
    who: `${sokhcn}; ${sectorDepartments}`,
    partners: 'Các sở, ngành, đơn vị liên quan; UBND xã, phường',
    expectedResult: 'Thực hiện kiểm tra theo kế hoạch; 100 % hành vi vi phạm được xử lý theo quy định',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '2.3',
    what: 'Thu thập dữ liệu, đánh giá thực trạng truy xuất nguồn gốc',
    who: sokhcn,
    partners: 'UBND xã, phường',
    expectedResult: 'Thực hiện tối thiểu 01 lần/năm',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '3.1',
    what: 'Triển khai nhiệm vụ khoa học và công nghệ về truy xuất nguồn gốc',
    who: sokhcn,
    partners: 'Các sở, ngành, đơn vị liên quan; UBND xã, phường',
    expectedResult: 'Ít nhất 01 nhiệm vụ khoa học và công nghệ giai đoạn 2026–2030',
    deadline: '2030-12-31',
  },
  {
    code: '3.2',
    what: 'Hỗ trợ doanh nghiệp tham gia hệ thống truy xuất nguồn gốc và chuỗi giá trị',
    who: sokhcn,
    partners: sectorDepartments,
    expectedResult: 'Tăng số lượng cơ sở sản xuất, kinh doanh tham gia hệ thống truy xuất nguồn gốc',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '3.3',
    what: 'Ứng dụng công nghệ để triển khai hộ chiếu số của sản phẩm và nhãn điện tử hàng hóa',
    who: `${sokhcn}; ${sectorDepartments}`,
    partners: 'Các sở, ngành, đơn vị liên quan; UBND xã, phường',
    expectedResult: 'Thí điểm và từng bước mở rộng áp dụng công nghệ mới trong truy xuất nguồn gốc',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '3.4',
    what: 'Thí điểm mô hình truy xuất nguồn gốc an toàn thực phẩm tại bếp ăn tập thể trong các trường học',
    who: sokhcn,
    partners: 'Sở Y tế, Sở Nông nghiệp và Môi trường',
    expectedResult: 'Thí điểm và mở rộng các bếp ăn tập thể',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: '4.1',
    what: 'Hoàn thiện, vận hành và phát triển hệ thống truy xuất nguồn gốc thành phố',
    who: sokhcn,
    partners: 'Các sở, ngành, đơn vị liên quan; UBND xã, phường',
    expectedResult: '01 hệ thống vận hành hiệu quả, kết nối Cổng quốc gia',
    deadline: '2030-12-31',
    state: 'in_progress' as const,
  },
  {
    code: '4.2',
    what: 'Xây dựng quy chế vận hành và quản lý Hệ thống thông tin truy xuất nguồn gốc của thành phố Đồng Nai',
    who: sokhcn,
    partners: 'Các đơn vị liên quan',
    expectedResult: 'Ban hành 01 quy chế',
    deadline: '2027-12-31',
  },
  {
    code: '4.3',
    what: 'Xây dựng quy chế kiểm tra, giám sát phối hợp giữa các sở, ngành và UBND xã, phường',
    who: sokhcn,
    partners: 'Các sở, ngành, đơn vị liên quan; UBND xã, phường',
    expectedResult: 'Ban hành 01 quy chế',
    deadline: '2030-12-31',
  },
  {
    code: '4.4',
    what: 'Kiểm tra, giám sát dữ liệu các cơ sở đã tham gia áp dụng hệ thống truy xuất nguồn gốc',
    who: sokhcn,
    partners: 'Các sở, ngành, đơn vị liên quan; UBND xã, phường',
    expectedResult: 'Tăng tỷ lệ cơ sở được kiểm tra, giám sát dữ liệu truy xuất nguồn gốc hằng năm',
    note: 'Tiến độ theo kế hoạch: hằng năm',
  },
  {
    code: 'VI.1.g',
    what: 'Tổng hợp tình hình thực hiện, báo cáo Bộ Khoa học và Công nghệ và UBND thành phố',
    who: sokhcn,
    expectedResult: 'Báo cáo năm 2026',
    deadline: '2026-11-30',
    note: 'Kế hoạch: trước ngày 30 tháng 11 hằng năm',
  },
].map((t) => ({ state: 'not_started' as const, fileIds: [], ...t }));

/** Enters the plan of Đồng Nai for 2026–2030 as the current plan, with its indicators, targets and tasks. */
export async function seedPlanDemo(db: Db) {
  const plan = await createPlan(
    db,
    {
      title:
        'Kế hoạch triển khai, áp dụng và quản lý hệ thống truy xuất nguồn gốc trên địa bàn thành phố Đồng Nai giai đoạn 2026 - 2030',
      decisionNumber: null,
      decisionDate: null,
      signer: 'Lê Trường Sơn, Phó Chủ tịch',
      agency: 'Ủy ban nhân dân thành phố Đồng Nai',
      startYear: 2026,
      endYear: 2030,
      isCurrent: true,
    },
    demoActor,
  );
  for (const [position, { targets, ...indicator }] of indicators.entries()) {
    const created = await createIndicator(db, plan.id, { ...indicator, position: position + 1 }, demoActor);
    if (targets.length) await setTargets(db, created.id, { targets }, demoActor);
  }
  for (const [position, task] of tasks.entries())
    await createTask(db, plan.id, { ...task, position: position + 1 }, demoActor);
  return plan;
}
