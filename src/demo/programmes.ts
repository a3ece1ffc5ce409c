import type { Db } from '../platform/index.ts';
import { localToday } from '../platform/index.ts';
import {
  createCourse,
  createProgramme,
  createSurvey,
  saveResponse,
  sendSurvey,
} from '../programmes/index.ts';
import { administrativeUnits } from '../registry/index.ts';
import { commune } from './demo-organisations.ts';
import { type DemoRegistry, demoActor } from './demo-registry.ts';

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);

/**
 * Demo surveys, training and support (issue 13 §2): a status-and-needs survey sent a week ago to the Long Khánh
 * wards and the agriculture department, answered for three organisations (one by the Long Khánh officer, two by
 * the agriculture officer; the durian farm of Hàng Gòn still to answer); two training courses in 2026; the
 * province's rambutan and durian pilot supporting five organisations.
 */
export async function seedProgrammesDemo(db: Db, registry: DemoRegistry) {
  const org = registry.organisations;
  const longKhanh = [
    'Phường Long Khánh',
    'Phường Bình Lộc',
    'Phường Bảo Vinh',
    'Phường Xuân Lập',
    'Phường Hàng Gòn',
  ]
    .filter((name) => administrativeUnits().units.some((u) => u.name === name))
    .map(commune);
  const today = localToday();
  const survey = await createSurvey(
    db,
    {
      title: 'Khảo sát hiện trạng áp dụng truy xuất nguồn gốc năm 2026',
      purpose:
        'Nắm hiện trạng áp dụng truy xuất nguồn gốc và nhu cầu hỗ trợ của các cơ sở sản xuất, kinh doanh để xây dựng kế hoạch giai đoạn 2026–2030.',
      opensOn: shift(today, -7),
      closesOn: shift(today, 60),
      communeCodes: longKhanh,
      sectors: ['agriculture'],
      questions: [
        {
          kind: 'yes_no',
          text: 'Cơ sở đã áp dụng truy xuất nguồn gốc cho sản phẩm chưa?',
          required: true,
          choices: [],
          feedsTraceability: true,
        },
        {
          kind: 'single',
          text: 'Cơ sở đang ghi chép, lưu thông tin sản xuất bằng cách nào?',
          required: true,
          choices: ['Sổ giấy', 'Bảng tính (Excel)', 'Phần mềm, ứng dụng', 'Chưa ghi chép'],
          feedsTraceability: false,
        },
        {
          kind: 'multiple',
          text: 'Cơ sở cần hỗ trợ những gì?',
          required: false,
          choices: ['Tập huấn', 'Tem truy xuất', 'Phần mềm', 'Kinh phí chứng nhận VietGAP'],
          feedsTraceability: false,
        },
        {
          kind: 'number',
          text: 'Sản lượng năm gần nhất',
          required: true,
          unit: 'tấn',
          choices: [],
          feedsTraceability: false,
        },
        {
          kind: 'text',
          text: 'Khó khăn, kiến nghị khác',
          required: false,
          choices: [],
          feedsTraceability: false,
        },
      ],
    },
    demoActor,
  );
  await sendSurvey(db, survey.id, demoActor);
  const [applies, records, needs, output, remarks] = survey.questions.map((q) => q.id) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const communeOfficer = {
    ...demoActor,
    name: 'Lê Thị Phường',
    role: 'commune_officer' as const,
    communes: longKhanh,
  };
  const agriculture = {
    ...demoActor,
    name: 'Trần Văn Nông',
    role: 'sector_officer' as const,
    sector: 'agriculture' as const,
  };
  await saveResponse(
    db,
    survey.id,
    {
      organisationId: org.rambutanCoop,
      answers: {
        [applies]: true,
        [records]: 'Phần mềm, ứng dụng',
        [needs]: ['Tem truy xuất'],
        [output]: 420,
        [remarks]: 'Cần thêm tem cho vụ chôm chôm chính.',
      },
    },
    communeOfficer,
  );
  await saveResponse(
    db,
    survey.id,
    {
      organisationId: org.packer,
      answers: { [applies]: true, [records]: 'Bảng tính (Excel)', [output]: 1250 },
    },
    agriculture,
  );
  await saveResponse(
    db,
    survey.id,
    {
      organisationId: org.cashewCoop,
      answers: { [applies]: false, [records]: 'Sổ giấy', [needs]: ['Tập huấn', 'Phần mềm'], [output]: 310 },
    },
    agriculture,
  );

  await createCourse(
    db,
    {
      topic: 'Truy xuất nguồn gốc theo TCVN 12850:2019 và Thông tư 02/2024/TT-BKHCN',
      startsOn: '2026-03-18',
      endsOn: '2026-03-19',
      organiser: 'Sở Khoa học và Công nghệ Đồng Nai',
      place: 'Hội trường UBND phường Long Khánh',
      trainers: ['Chi cục Tiêu chuẩn Đo lường Chất lượng'],
      organisationIds: [org.rambutanCoop, org.durianFarm, org.packer],
      people: [{ name: 'Lê Thị Phường', unit: 'UBND phường Long Khánh' }],
      materials: [{ title: 'Bài giảng: nguyên tắc truy xuất nguồn gốc và dữ liệu bắt buộc' }],
      participantCount: 46,
    },
    demoActor,
  );
  await createCourse(
    db,
    {
      topic: 'Sử dụng hệ thống truy xuất nguồn gốc của tỉnh: khai báo, nhật ký, tem',
      startsOn: '2026-09-24',
      organiser: 'Sở Khoa học và Công nghệ Đồng Nai',
      place: 'Trung tâm Ứng dụng tiến bộ KH&CN, phường Trấn Biên',
      trainers: [],
      organisationIds: [org.cashewCoop, org.honeyFarm, org.pigFarm, org.slaughterhouse],
      people: [{ name: 'Trần Văn Nông', unit: 'Sở Nông nghiệp và Môi trường' }],
      materials: [],
    },
    demoActor,
  );

  await createProgramme(
    db,
    {
      name: 'Thí điểm truy xuất nguồn gốc chôm chôm, sầu riêng và điều năm 2026',
      year: 2026,
      kind: 'pilot',
      budgetVnd: 600_000_000,
      state: 'running',
      note: 'Thí điểm theo kế hoạch của tỉnh giai đoạn 2026–2030: hỗ trợ tem và hệ thống cho cơ sở đầu chuỗi.',
      recipients: [
        {
          organisationId: org.rambutanCoop,
          support: 'Cấp 20.000 tem truy xuất',
          costVnd: 40_000_000,
          supportedOn: '2026-04-10',
        },
        {
          organisationId: org.durianFarm,
          support: 'Phần mềm nhật ký canh tác một năm',
          costVnd: 24_000_000,
          supportedOn: '2026-04-10',
        },
        {
          organisationId: org.packer,
          support: 'Máy in tem và đầu đọc mã',
          costVnd: 65_000_000,
          supportedOn: '2026-05-05',
        },
        {
          organisationId: org.cashewCoop,
          support: 'Cấp 10.000 tem truy xuất',
          costVnd: 20_000_000,
          supportedOn: '2026-06-12',
        },
        {
          organisationId: org.honeyFarm,
          support: 'Tư vấn xây dựng hệ thống truy xuất',
          costVnd: 35_000_000,
          supportedOn: '2026-07-01',
        },
      ],
    },
    demoActor,
  );
}
