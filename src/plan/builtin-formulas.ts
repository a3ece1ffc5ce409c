import { type SQL, sql } from 'drizzle-orm';
import { listedProductsSql } from '../catalogues/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { traceabilityInPlace } from '../registry/index.ts';
import { scanCounts } from '../stamps/index.ts';
import {
  type FormulaResult,
  type IndicatorFormula,
  type Period,
  registerIndicatorFormula,
  type Shared,
} from './formula.ts';
import { productsNamed } from './gtins-with-events.ts';
import { periodBounds } from './period.ts';

// The formulas over the registry, events and stamps. Set-based SQL over those modules' tables, read-only (as the
// automatic checks do): one statement per figure, whatever the province's size. Everything is counted as it stood
// at the end of the period's last day, Vietnam time.

async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

async function count(db: DbOrTx, q: SQL): Promise<number> {
  const [row] = await rows<{ n: number | string | null }>(db, q);
  return Number(row?.n ?? 0);
}

const approved = (alias: string) =>
  sql.raw(`(${alias}.review_status = 'approved' OR ${alias}.published_row IS NOT NULL)`);

const share = (numerator: number, denominator: number): FormulaResult => ({
  value: denominator ? Math.round((numerator / denominator) * 1000) / 10 : 0,
  numerator,
  denominator,
});

/** Approved products registered by the window's end whose GTIN events named in the period, or the one before. */
async function productsWithEvents(
  db: DbOrTx,
  period: Period,
  window: 'inPeriod' | 'before',
  shared?: Shared,
): Promise<number> {
  const named = await productsNamed(db, period, approved('p'), shared);
  const registered = window === 'inPeriod' ? 'beforeEnd' : 'beforeStart';
  return named.filter((p) => p.approved && p[registered] && p[window]).length;
}

/** Of the products `listed` names (registered by the end of the period), how many had events in the window. */
async function listedShare(
  db: DbOrTx,
  listed: SQL,
  period: Period,
  window: 'inPeriod' | 'toEnd',
  shared?: Shared,
) {
  const named = await productsNamed(db, period, approved('p'), shared);
  const inWindow = new Set(named.filter((p) => p.approved && p[window]).map((p) => p.id));
  const { end } = periodBounds(period);
  const [row] = await rows<{ total: number; approved: string[] | null }>(
    db,
    sql`SELECT count(*)::int AS total, array_agg(p.id::text) FILTER (WHERE ${approved('p')}) AS approved
      FROM products p WHERE p.id IN (${listed}) AND p.created_at < ${end}::timestamptz`,
  );
  const traced = (row?.approved ?? []).filter((id) => inWindow.has(id)).length;
  return share(traced, Number(row?.total ?? 0));
}

export const barcodeOrganisationsConformant: IndicatorFormula = {
  key: 'barcode_organisations_conformant_share',
  name: {
    vi: 'Tỷ lệ tổ chức sử dụng mã số mã vạch áp dụng hệ thống truy xuất nguồn gốc phù hợp',
    en: 'Share of barcode-using organisations applying a conformant traceability system',
  },
  describe: {
    vi: 'Trong số cơ sở đã được duyệt có mã doanh nghiệp GS1 hoặc có sản phẩm mang mã GTIN, tỷ lệ cơ sở đã khai báo hệ thống truy xuất nguồn gốc đáp ứng đầy đủ nguyên tắc TCVN 12850:2019 và các thông tin của Thông tư 02/2024.',
    en: 'Of the approved organisations holding a GS1 company prefix or a product with a GTIN, the share that declared a traceability system fully conformant with TCVN 12850:2019 and Circular 02/2024.',
  },
  unit: 'percent',
  async compute(db, period) {
    const { end } = periodBounds(period);
    const users = await rows<{ id: string }>(
      db,
      sql`SELECT o.id FROM organisations o
        WHERE ${approved('o')} AND o.created_at < ${end}::timestamptz
          AND (cardinality(o.gs1_company_prefixes) > 0
            OR EXISTS (SELECT 1 FROM products p WHERE p.organisation_id = o.id AND p.created_at < ${end}::timestamptz))`,
    );
    const inPlace = await traceabilityInPlace(
      db,
      users.map((u) => u.id),
    );
    const conformant = users.filter((u) => inPlace.get(u.id)?.conformant).length;
    return share(conformant, users.length);
  },
};

export const productsConnected: IndicatorFormula = {
  key: 'products_connected',
  name: { vi: 'Số sản phẩm có dữ liệu kết nối', en: 'Products with connected data' },
  describe: {
    vi: 'Số sản phẩm đã được duyệt có ít nhất một sự kiện truy xuất (EPCIS) ghi nhận trong kỳ.',
    en: 'Approved products named by at least one traceability (EPCIS) event in the period.',
  },
  unit: 'count',
  async compute(db, period, shared) {
    return { value: await productsWithEvents(db, period, 'inPeriod', shared) };
  },
};

export const productsConnectedGrowth: IndicatorFormula = {
  key: 'products_connected_growth',
  name: {
    vi: 'Mức tăng số sản phẩm có dữ liệu kết nối',
    en: 'Growth of products with connected data',
  },
  describe: {
    vi: 'Số sản phẩm có sự kiện truy xuất trong kỳ so với kỳ liền trước có cùng số ngày, tính bằng phần trăm tăng thêm.',
    en: 'Products with traceability events in the period against the period of the same length just before, as a percentage increase.',
  },
  unit: 'percent',
  async compute(db, period, shared) {
    const now = await productsWithEvents(db, period, 'inPeriod', shared);
    const before = await productsWithEvents(db, period, 'before', shared);
    return {
      value: before ? Math.round(((now - before) / before) * 1000) / 10 : 0,
      numerator: now,
      denominator: before,
    };
  },
};

export const mandatoryProductsTraced: IndicatorFormula = {
  key: 'mandatory_products_traced_share',
  name: {
    vi: 'Tỷ lệ sản phẩm thuộc danh mục bắt buộc được truy xuất nguồn gốc',
    en: 'Share of mandatory-list products traced',
  },
  describe: {
    vi: 'Trong số sản phẩm thuộc danh mục bắt buộc truy xuất nguồn gốc đang có hiệu lực vào cuối kỳ, tỷ lệ sản phẩm đã được duyệt và có sự kiện truy xuất trong kỳ.',
    en: 'Of the products named by a mandatory list in force at the end of the period, the share approved and named by traceability events in the period.',
  },
  unit: 'percent',
  async compute(db, period, shared) {
    return listedShare(db, await listedProductsSql(db, 'mandatory', period.to), period, 'inPeriod', shared);
  },
};

export const ocopProductsTraceable: IndicatorFormula = {
  key: 'ocop_products_traceable_share',
  name: {
    vi: 'Tỷ lệ sản phẩm OCOP truy xuất được nguồn gốc',
    en: 'Share of OCOP products that are traceable',
  },
  describe: {
    vi: 'Trong số sản phẩm có hạng sao OCOP còn hiệu lực vào cuối kỳ, tỷ lệ sản phẩm đã được duyệt và có dữ liệu truy xuất (ít nhất một sự kiện đến cuối kỳ).',
    en: 'Of the products with an OCOP rating valid at the end of the period, the share approved and with traceability data (an event by the end of the period).',
  },
  unit: 'percent',
  async compute(db, period, shared) {
    const ocop = sql`SELECT id FROM products WHERE ocop_stars IS NOT NULL
      AND (ocop_valid_until IS NULL OR ocop_valid_until >= ${period.to}::date)`;
    return listedShare(db, ocop, period, 'toEnd', shared);
  },
};

export const organisationsJoined: IndicatorFormula = {
  key: 'organisations_joined',
  name: { vi: 'Số cơ sở tham gia hệ thống', en: 'Organisations joined' },
  describe: {
    vi: 'Số cơ sở sản xuất, kinh doanh đăng ký trong kỳ và đã được duyệt.',
    en: 'Organisations registered in the period and approved.',
  },
  unit: 'count',
  async compute(db, period) {
    const { start, end } = periodBounds(period);
    return {
      value: await count(
        db,
        sql`SELECT count(*) AS n FROM organisations o WHERE ${approved('o')}
          AND o.created_at >= ${start}::timestamptz AND o.created_at < ${end}::timestamptz`,
      ),
    };
  },
};

export const stampsActivated: IndicatorFormula = {
  key: 'stamps_activated',
  name: { vi: 'Số tem được kích hoạt', en: 'Stamps activated' },
  describe: {
    vi: 'Số tem truy xuất được kích hoạt (gắn với lô hàng) trong kỳ.',
    en: 'Traceability stamps activated (bound to a lot) in the period.',
  },
  unit: 'count',
  async compute(db, period) {
    const { start, end } = periodBounds(period);
    return {
      value: await count(
        db,
        sql`SELECT sum(last_serial - first_serial + 1) AS n FROM stamp_changes
          WHERE action = 'activate' AND at >= ${start}::timestamptz AND at < ${end}::timestamptz`,
      ),
    };
  },
};

export const scans: IndicatorFormula = {
  key: 'stamp_scans',
  name: { vi: 'Số lượt quét tem', en: 'Stamp scans' },
  describe: {
    vi: 'Số lượt người tiêu dùng quét tem truy xuất trong kỳ.',
    en: 'Scans of traceability stamps by consumers in the period.',
  },
  unit: 'count',
  async compute(db, period, shared) {
    // from the scans rolled up by day, and those since (decision 052); the report's key figure shares the count
    return { value: (await scanCounts(db, period.from, period.to, shared)).inPeriod };
  },
};

export const builtinFormulas = [
  barcodeOrganisationsConformant,
  productsConnected,
  productsConnectedGrowth,
  mandatoryProductsTraced,
  ocopProductsTraceable,
  organisationsJoined,
  stampsActivated,
  scans,
];

for (const formula of builtinFormulas) registerIndicatorFormula(formula);
