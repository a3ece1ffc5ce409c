import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  forbidden,
  type Lang,
  notFound,
  sideBySide,
  type Tx,
} from '../platform/index.ts';
import {
  getOrganisation,
  getProduct,
  getPublishedProductByGtin,
  mayReadOrganisationData,
  type PublicationChange,
} from '../registry/index.ts';
import type {
  GoodsGroupInput,
  GoodsGroupPatch,
  GoodsGroupView,
  LabelInput,
  LabelView,
} from './passport.api.ts';
import {
  buildContent,
  type LabelProducer,
  missingItems,
  type Passport,
  type PassportContent,
  type PassportProduct,
  type PassportVersion,
  resolveItems,
} from './passport.content.ts';
import { sourceOf } from './passport.items.ts';
import './passport.messages.ts';
import { mayEditGoodsGroups, mayWriteLabel } from './passport.policy.ts';
import {
  type GoodsGroupRow,
  goodsGroups,
  type ProductLabelRow,
  passportVersions,
  productLabels,
} from './passport.schema.ts';

// ---- goods groups ------------------------------------------------------------------------------------------

export function presentGroup(row: GoodsGroupRow): GoodsGroupView {
  return {
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    legalBasis: row.legalBasis,
    items: row.items.map((i) => ({ ...i, source: sourceOf(i.key) })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listGoodsGroups(db: DbOrTx): Promise<GoodsGroupView[]> {
  const rows = await db.select().from(goodsGroups).orderBy(goodsGroups.code);
  return rows.map(presentGroup);
}

async function findGroup(db: DbOrTx, code: string) {
  const [row] = await db.select().from(goodsGroups).where(eq(goodsGroups.code, code));
  return row ?? null;
}

function checkItems(items: GoodsGroupInput['items']) {
  const seen = new Set<string>();
  const errors = items.flatMap((item, i) => {
    if (seen.has(item.key)) return [{ field: `/body/items/${i}/key`, code: 'passport.duplicateItem' }];
    seen.add(item.key);
    return [];
  });
  if (errors.length) throw badRequest(errors);
}

export async function createGoodsGroup(db: Db, actor: Actor, input: GoodsGroupInput) {
  if (!mayEditGoodsGroups(actor)) throw forbidden();
  checkItems(input.items);
  return db.transaction(async (tx) => {
    if (await findGroup(tx, input.code)) throw conflict('passport.group-exists');
    const [row] = await tx.insert(goodsGroups).values(input).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'goods_group',
      entityId: row.code,
      after: presentGroup(row),
    });
    return presentGroup(row);
  });
}

export async function updateGoodsGroup(db: Db, actor: Actor, code: string, patch: GoodsGroupPatch) {
  if (!mayEditGoodsGroups(actor)) throw forbidden();
  if (patch.items) checkItems(patch.items);
  return db.transaction(async (tx) => {
    const before = await findGroup(tx, code);
    if (!before) throw notFound('passport.group-not-found');
    const [row] = await tx
      .update(goodsGroups)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(goodsGroups.code, code))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'goods_group',
      entityId: code,
      before: presentGroup(before),
      after: presentGroup(row),
    });
    return presentGroup(row);
  });
}

// ---- a product's e-label ------------------------------------------------------------------------------------

async function findLabel(db: DbOrTx, productId: string): Promise<ProductLabelRow | null> {
  const [row] = await db.select().from(productLabels).where(eq(productLabels.productId, productId));
  return row ?? null;
}

async function producerOf(db: DbOrTx, organisationId: string): Promise<LabelProducer | null> {
  const org = await getOrganisation(db, organisationId);
  return org
    ? { name: org.name, streetAddress: org.streetAddress, communeName: org.communeName, taxCode: org.taxCode }
    : null;
}

/** The label as it stands now (the working copy), each item resolved, the missing ones named. */
async function currentLabel(db: DbOrTx, product: PassportProduct, lang: Lang) {
  const label = await findLabel(db, product.id);
  const group = label ? await findGroup(db, label.goodsGroup) : null;
  const content = buildContent(product, group, label?.values ?? {});
  const items = resolveItems(content, await producerOf(db, product.organisationId), null, lang);
  const missing = missingItems(items);
  return { label, group, items, missing };
}

async function readableProduct(db: DbOrTx, actor: Actor, productId: string) {
  const product = await getProduct(db, productId);
  if (!product || !(await mayReadOrganisationData(db, actor, product.organisationId)))
    throw notFound('passport.product-not-found');
  return product;
}

export async function getLabel(db: DbOrTx, actor: Actor, productId: string, lang: Lang): Promise<LabelView> {
  const product = await readableProduct(db, actor, productId);
  const { label, items, missing } = await currentLabel(db, product, lang);
  const missingKeys = new Set(missing.map((m) => m.key));
  return {
    productId,
    goodsGroup: label?.goodsGroup ?? null,
    values: label?.values ?? {},
    items: items.map((i) => ({ ...i, missing: missingKeys.has(i.key) })),
    missing: missing.map((m) => m.name),
    updatedAt: label?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Writes a product's label: its goods group and the texts of the group's label items. The public sees it once the
 * product is approved again (its passport's next version); until then the approved version stays (decision 058).
 */
export async function putLabel(db: Db, actor: Actor, productId: string, input: LabelInput, lang: Lang) {
  const product = await readableProduct(db, actor, productId);
  if (!mayWriteLabel(actor, product.organisationId)) throw forbidden();
  const group = await findGroup(db, input.goodsGroup);
  if (!group) throw badRequest([{ field: '/body/goodsGroup', code: 'passport.unknownGroup' }]);
  const labelKeys = new Set(group.items.filter((i) => sourceOf(i.key) === 'label').map((i) => i.key));
  const errors = Object.keys(input.values)
    .filter((key) => !labelKeys.has(key))
    .map((key) => ({ field: `/body/values/${key}`, code: 'passport.notLabelText' }));
  if (errors.length) throw badRequest(errors);
  const values = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v.trim() !== ''));
  await db.transaction(async (tx: Tx) => {
    const before = await findLabel(tx, productId);
    const row = {
      productId,
      organisationId: product.organisationId,
      goodsGroup: group.code,
      values,
      updatedAt: new Date(),
      updatedBy: actor.id,
    };
    await tx
      .insert(productLabels)
      .values(row)
      .onConflictDoUpdate({ target: productLabels.productId, set: row });
    await recordAudit(tx, {
      actor,
      action: before ? 'update' : 'create',
      entityType: 'product_label',
      entityId: productId,
      organisationId: product.organisationId,
      before: before ? { goodsGroup: before.goodsGroup, values: before.values } : null,
      after: { goodsGroup: group.code, values },
    });
  });
  return getLabel(db, actor, productId, lang);
}

/** The review's pre-checks for a product: a goods group chosen (a warning), and its label complete (blocking). */
export async function labelPreChecks(db: DbOrTx, productId: string) {
  const product = await getProduct(db, productId);
  if (!product) return [];
  const [vi, en] = await sideBySide(db, [
    () => currentLabel(db, product, 'vi'),
    () => currentLabel(db, product, 'en'),
  ]);
  if (!vi.group) return [{ code: 'passport.check.labelGroup', ok: false, blocking: false }];
  return [
    vi.missing.length
      ? {
          code: 'passport.check.labelMissing',
          ok: false,
          blocking: true,
          params: {
            missingVi: vi.missing.map((m) => m.name).join('; '),
            missingEn: en.missing.map((m) => m.name).join('; '),
          },
        }
      : { code: 'passport.check.label', ok: true, blocking: true },
  ];
}

// ---- versions -----------------------------------------------------------------------------------------------

/**
 * A product's approval keeps its passport's next version (a publication listener, inside the approval's
 * transaction): the product as approved and its label as it stands, with the goods group's items.
 */
export async function keepPassportVersion(tx: Tx, change: PublicationChange): Promise<void> {
  if (change.entity !== 'product' || change.change !== 'approved') return;
  const product = await getProduct(tx, change.id);
  if (!product) return;
  await addVersion(tx, product);
}

/** Adds a version from the product as it is and its label (the demo uses it for products it seeds as approved). */
export async function addVersion(tx: DbOrTx, product: PassportProduct): Promise<number> {
  const label = await findLabel(tx, product.id);
  const group = label ? await findGroup(tx, label.goodsGroup) : null;
  const content = buildContent(product, group, label?.values ?? {});
  const [last] = await tx
    .select({ version: passportVersions.version })
    .from(passportVersions)
    .where(eq(passportVersions.productId, product.id))
    .orderBy(desc(passportVersions.version))
    .limit(1);
  const version = (last?.version ?? 0) + 1;
  await tx.insert(passportVersions).values({ productId: product.id, gtin: product.gtin, version, content });
  return version;
}

export async function listVersions(db: DbOrTx, actor: Actor, productId: string) {
  await readableProduct(db, actor, productId);
  const rows = await db
    .select({ version: passportVersions.version, approvedAt: passportVersions.approvedAt })
    .from(passportVersions)
    .where(eq(passportVersions.productId, productId))
    .orderBy(desc(passportVersions.version));
  return { items: rows.map((r) => ({ version: r.version, approvedAt: r.approvedAt.toISOString() })) };
}

/**
 * The public passport of a GTIN: the version asked for, else the newest approved one; a product approved before
 * passports were kept is shown from its published version (version 0). Null when nothing is public.
 */
export async function findPassport(db: DbOrTx, gtin: string, version?: number): Promise<Passport | null> {
  const published = await getPublishedProductByGtin(db, gtin);
  if (!published) return null;
  const rows = await db
    .select()
    .from(passportVersions)
    .where(eq(passportVersions.productId, published.id))
    .orderBy(desc(passportVersions.version));
  const history = rows.map((r) => ({ version: r.version, approvedAt: r.approvedAt.toISOString() }));
  if (version !== undefined) {
    const row = rows.find((r) => r.version === version);
    if (!row) throw notFound('passport.version-not-found');
    return { current: asVersion(row), history };
  }
  if (rows.length) return { current: asVersion(rows[0]), history };
  const label = await findLabel(db, published.id);
  const group = label ? await findGroup(db, label.goodsGroup) : null;
  const current: PassportVersion = {
    version: 0,
    approvedAt: published.updatedAt,
    content: buildContent(published, group, label?.values ?? {}),
  };
  return { current, history };
}

const asVersion = (row: typeof passportVersions.$inferSelect): PassportVersion => ({
  version: row.version,
  approvedAt: row.approvedAt.toISOString(),
  content: row.content as PassportContent,
});

/** Whether a product has a kept version (tests, the demo). */
export async function hasVersion(db: DbOrTx, productId: string, version: number) {
  const [row] = await db
    .select({ id: passportVersions.id })
    .from(passportVersions)
    .where(and(eq(passportVersions.productId, productId), eq(passportVersions.version, version)));
  return !!row;
}
