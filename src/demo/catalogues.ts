import { createList, createVersion, decideVersion, submitVersion } from '../catalogues/index.ts';
import type { Db } from '../platform/index.ts';
import { demoActor } from './demo-registry.ts';

/**
 * Demo lists: the agriculture department's list of products that must be traced (durian, pork and live pigs,
 * honey, as in the province's plan) and its list of specialties (Long Khánh rambutan, Ri6 durian, Bù Đăng cashew),
 * both issued and in force, so the compliance view names real gaps and products show their memberships.
 */
export async function seedCatalogueDemo(db: Db) {
  const officer = { ...demoActor, role: 'sector_officer' as const, sector: 'agriculture' as const };
  const list = await createList(
    db,
    {
      sector: 'agriculture',
      kind: 'mandatory',
      title: 'Danh mục sản phẩm nông nghiệp bắt buộc truy xuất nguồn gốc',
    },
    officer,
  );
  const version = await createVersion(
    db,
    list.id,
    {
      decisionNumber: '2150/QĐ-UBND',
      decisionDate: '2026-06-15',
      signer: 'Phó Chủ tịch Ủy ban nhân dân tỉnh',
      effectiveFrom: '2026-07-01',
      items: [
        { match: 'name', value: 'Sầu riêng', note: 'mọi sản phẩm sầu riêng tươi và đóng gói' },
        { match: 'product_group', value: 'Thịt tươi' },
        { match: 'product_group', value: 'Gia súc sống', note: 'heo xuất chuồng' },
        { match: 'name', value: 'Mật ong' },
      ],
    },
    officer,
  );
  await submitVersion(db, version.id, officer);
  await decideVersion(db, version.id, { decision: 'approve' }, { ...demoActor, role: 'dost_reviewer' });

  const specialties = await createList(
    db,
    {
      sector: 'agriculture',
      kind: 'priority',
      category: 'specialty',
      title: 'Danh mục sản phẩm đặc sản ưu tiên truy xuất nguồn gốc',
    },
    officer,
  );
  const specialtiesVersion = await createVersion(
    db,
    specialties.id,
    {
      decisionNumber: '2151/QĐ-UBND',
      decisionDate: '2026-06-15',
      signer: 'Phó Chủ tịch Ủy ban nhân dân tỉnh',
      effectiveFrom: '2026-07-01',
      items: [
        { match: 'name', value: 'Chôm chôm Long Khánh' },
        { match: 'name', value: 'Sầu riêng Ri6' },
        { match: 'name', value: 'Hạt điều rang muối Bù Đăng' },
      ],
    },
    officer,
  );
  await submitVersion(db, specialtiesVersion.id, officer);
  await decideVersion(
    db,
    specialtiesVersion.id,
    { decision: 'approve' },
    { ...demoActor, role: 'dost_reviewer' },
  );
}
