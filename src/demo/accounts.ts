import {
  createUser,
  demoPassword,
  findUserByEmail,
  insertApiKey,
  type PersonRole,
  sha256,
} from '../accounts/index.ts';
import type { Db } from '../platform/index.ts';
import {
  administrativeUnits,
  getLocation,
  getLot,
  getOrganisation,
  getProduct,
  type ReviewedEntity,
} from '../registry/index.ts';
import { reviewHandler, submitForReview } from '../review/index.ts';
import type { DemoRegistry } from './demo-registry.ts';

/**
 * The demo province's accounts: one per role, all with the documented demo password (docs/demo-accounts.md).
 * Seeded only with the demo data (TXNG_DEMO ≠ 0), never in a real deployment.
 */
export { demoPassword };

/** A solution provider's key with a documented value, so the API can be tried at once; it acts for three customers. */
export const demoApiKey = 'txng_demo0001_GiaiPhapTXNG-demo-key-not-for-production-use';

const commune = (name: string) => {
  const unit = administrativeUnits().units.find((u) => u.name === name);
  if (!unit) throw new Error(`demo accounts: no administrative unit "${name}"`);
  return unit.code;
};

export async function seedDemoAccounts(db: Db, registry: DemoRegistry): Promise<void> {
  // the wards that were Long Khánh city before 2025: one officer answers for the area in the demo
  const longKhanh = [
    'Phường Long Khánh',
    'Phường Bình Lộc',
    'Phường Bảo Vinh',
    'Phường Xuân Lập',
    'Phường Hàng Gòn',
  ]
    .filter((name) => administrativeUnits().units.some((u) => u.name === name))
    .map(commune);
  const people: { email: string; name: string; role: PersonRole; extra?: object }[] = [
    { email: 'admin@sokhcn.dongnai.gov.vn', name: 'Quản trị hệ thống Sở KH&CN', role: 'dost_admin' },
    { email: 'thamdinh@sokhcn.dongnai.gov.vn', name: 'Nguyễn Thị Thẩm Định', role: 'dost_reviewer' },
    {
      email: 'nongnghiep@snnmt.dongnai.gov.vn',
      name: 'Trần Văn Nông',
      role: 'sector_officer',
      extra: { sector: 'agriculture' },
    },
    {
      email: 'longkhanh@ubnd.dongnai.gov.vn',
      name: 'Lê Thị Phường',
      role: 'commune_officer',
      extra: { communes: longKhanh },
    },
    { email: 'thanhtra@sokhcn.dongnai.gov.vn', name: 'Phạm Văn Kiểm', role: 'inspector' },
    {
      email: 'chunhiem@htx-chomchom-binhloc.vn',
      name: 'Võ Văn Chủ Nhiệm',
      role: 'org_owner',
      extra: { organisationId: registry.organisations.rambutanCoop },
    },
    {
      email: 'nhanvien@htx-chomchom-binhloc.vn',
      name: 'Đỗ Thị Nhân Viên',
      role: 'org_staff',
      extra: { organisationId: registry.organisations.rambutanCoop },
    },
  ];
  for (const p of people) {
    await createUser(
      db,
      { email: p.email, name: p.name, role: p.role, password: demoPassword, ...p.extra },
      null,
      { demo: true },
    );
  }
  const admin = await findUserByEmail(db, people[0].email);
  await insertApiKey(db, {
    name: 'Giải pháp TXNG mẫu (nhà cung cấp giải pháp)',
    prefix: 'demo0001',
    secretHash: sha256(demoApiKey),
    organisationIds: [
      registry.organisations.rambutanCoop,
      registry.organisations.durianFarm,
      registry.organisations.packer,
    ],
    createdBy: admin!.id,
  });
  await openDemoReviewItems(db, registry);
}

/** The demo registry leaves some rows "submitted": put them in the reviewers' queues, as a submission would. */
async function openDemoReviewItems(db: Db, registry: DemoRegistry) {
  const groups: [ReviewedEntity, Record<string, string>][] = [
    ['organisation', registry.organisations],
    ['location', registry.locations],
    ['product', registry.products],
    ['lot', registry.lots],
  ];
  const status = { organisation: getOrganisation, location: getLocation, product: getProduct, lot: getLot };
  for (const [entity, ids] of groups) {
    const handler = reviewHandler(entity);
    for (const id of Object.values(ids)) {
      const row = await status[entity](db, id);
      if (row?.reviewStatus !== 'submitted' || !handler?.describe) continue;
      const subject = await handler.describe(db, id);
      if (subject) await submitForReview(db, { ...subject, entityType: entity, entityId: id, actor: null });
    }
  }
}
