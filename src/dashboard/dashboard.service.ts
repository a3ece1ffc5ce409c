import {
  type Actor,
  badRequest,
  type DbOrTx,
  forbidden,
  localToday,
  type Sector,
} from '../platform/index.ts';
import { administrativeUnits, communeBoundariesNear } from '../registry/index.ts';
import type { CommuneFigures, DashboardQuery, DashboardView, MonthFigures } from './dashboard.api.ts';
import { dashboardScope } from './dashboard.policy.ts';
import type { CountRow, MonthPeriod, OrganisationFilter } from './dashboard.repo.ts';
import * as repo from './dashboard.repo.ts';
import { communesFilled, rollUpScans, scanMark } from './dashboard.rollup.ts';

/** The longest period one answer covers: five years of monthly figures. */
export const maxMonths = 60;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Whole months from `from` to `to` in Vietnam time; by default the year so far. */
export function monthPeriod(from: string, to: string): MonthPeriod & { months: string[] } {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthOf(i));
  const after = monthOf(monthIndex(to) + 1);
  return {
    months,
    fromDay: `${from}-01`,
    endDay: `${after}-01`,
    start: `${from}-01T00:00:00+07:00`,
    end: `${after}-01T00:00:00+07:00`,
  };
}

/** The reader's scope with the filters asked for inside it; a filter outside the scope is refused (403). */
function resolveFilter(actor: Actor, query: DashboardQuery) {
  const scope = dashboardScope(actor);
  if (!scope) throw forbidden();
  const units = administrativeUnits().units;
  const errors = [];
  if (query.commune && !units.some((u) => u.code === query.commune))
    errors.push({ field: '/querystring/commune', code: 'dashboard.communeUnknown' });
  const thisMonth = localToday().slice(0, 7);
  const to = query.to ?? thisMonth;
  const from = query.from ?? (query.to ? `${to.slice(0, 4)}-01` : `${thisMonth.slice(0, 4)}-01`);
  if (from > to) errors.push({ field: '/querystring/to', code: 'dashboard.periodOrder' });
  else if (monthIndex(to) - monthIndex(from) + 1 > maxMonths)
    errors.push({ field: '/querystring/from', code: 'dashboard.periodTooLong' });
  if (errors.length) throw badRequest(errors);

  let sector: Sector | null = query.sector ?? null;
  let communes: string[] | null = query.commune ? [query.commune] : null;
  if (scope.kind === 'sector') {
    // a sector officer's figures are their sector's; asking for another is asking outside the scope
    if (sector && sector !== scope.sector) throw forbidden('dashboard.outside-scope');
    sector = scope.sector;
    // an officer without a sector answers for none: no organisation, not every one
    if (!scope.sector) communes = [];
  }
  if (scope.kind === 'communes') {
    if (query.commune && !scope.codes.includes(query.commune)) throw forbidden('dashboard.outside-scope');
    communes = communes ?? scope.codes;
  }
  const scopeCommunes =
    scope.kind === 'communes'
      ? units.filter((u) => scope.codes.includes(u.code)).map((u) => ({ code: u.code, name: u.name }))
      : [];
  return {
    filter: { sector, communes } satisfies OrganisationFilter,
    period: monthPeriod(from, to),
    filters: { sector: query.sector ?? null, commune: query.commune ?? null, from, to },
    scope: {
      kind: scope.kind,
      sector: scope.kind === 'sector' ? scope.sector : null,
      communes: scopeCommunes,
    },
  };
}

const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

function byKey(rows: CountRow[], key: 'code' | 'month') {
  const m = new Map<string, number>();
  for (const r of rows) if (r[key] !== null) m.set(r[key]!, (m.get(r[key]!) ?? 0) + r.n);
  return m;
}

/** The province's figures for the reader (issue 13 §3): as of the period's end, and in the period by month. */
export async function readDashboard(
  db: DbOrTx,
  actor: Actor,
  query: DashboardQuery,
  /** Where the figures are read (a replica, DATABASE_READ_URL); the scans' roll-up is written on `db`. */
  read: DbOrTx = db,
): Promise<DashboardView> {
  const { filter, period, filters, scope } = resolveFilter(actor, query);
  await rollUpScans(db);
  const [orgs, productRows, lots, issued, activated, scanned, visits, found, reports, orgsByMonth, placed] =
    await Promise.all([
      repo.organisationCounts(read, filter, period),
      repo.productFigures(read, filter, period),
      repo.lotCounts(read, filter, period),
      repo.stampsIssued(read, filter, period),
      repo.stampsActivated(read, filter, period),
      // the mark and the scans past it in one snapshot
      read.transaction(
        async (tx) => {
          const mark = await scanMark(tx);
          return (await communesFilled(tx))
            ? repo.scansByCommune(tx, filter, period, mark)
            : repo.scans(tx, filter, period, mark);
        },
        {
          isolationLevel: 'repeatable read',
          accessMode: 'read only',
        },
      ),
      repo.inspections(read, filter, period),
      repo.violations(read, filter, period),
      repo.consumerReports(read, filter, period),
      repo.organisationsApprovedByMonth(read, filter, period),
      repo.communePositions(read, filter),
    ]);
  const positions = new Map(placed.map((p) => [p.code, p]));
  // products registered (and approved) by the period's end per commune; in the period, approved by month registered
  const products = new Map<string | null, { registered: number; approved: number }>();
  for (const r of productRows) {
    const c = products.get(r.code) ?? { registered: 0, approved: 0 };
    c.registered += r.registered;
    c.approved += r.approved;
    products.set(r.code, c);
  }
  const productsByMonth = productRows
    .filter((r) => r.month !== null)
    .map((r) => ({ code: r.code, month: r.month, n: r.approved }));

  const perMonth = {
    organisationsApproved: byKey(orgsByMonth, 'month'),
    productsApproved: byKey(productsByMonth, 'month'),
    stampsActivated: byKey(activated, 'month'),
    scans: byKey(scanned, 'month'),
    inspections: byKey(visits, 'month'),
    violations: byKey(found, 'month'),
    consumerReports: byKey(reports, 'month'),
  };
  const months: MonthFigures[] = period.months.map((month) => ({
    month,
    ...(Object.fromEntries(Object.entries(perMonth).map(([k, m]) => [k, m.get(month) ?? 0])) as Omit<
      MonthFigures,
      'month'
    >),
  }));

  const orgsByCode = new Map(orgs.map((o) => [o.code, o]));
  const perCommune = {
    lots: byKey(lots, 'code'),
    stampsIssued: byKey(issued, 'code'),
    stampsActivated: byKey(activated, 'code'),
    scans: byKey(scanned, 'code'),
    inspections: byKey(visits, 'code'),
    violations: byKey(found, 'code'),
    consumerReports: byKey(reports, 'code'),
  };
  const shown = administrativeUnits().units.filter(
    (u) => !filter.communes || filter.communes.includes(u.code),
  );
  const communes: CommuneFigures[] = shown.map((u) => ({
    code: u.code,
    name: u.name,
    organisations: orgsByCode.get(u.code)?.registered ?? 0,
    products: products.get(u.code)?.registered ?? 0,
    ...(Object.fromEntries(Object.entries(perCommune).map(([k, m]) => [k, m.get(u.code) ?? 0])) as Omit<
      CommuneFigures,
      'code' | 'name' | 'organisations' | 'products' | 'latitude' | 'longitude'
    >),
    latitude: positions.get(u.code)?.latitude ?? null,
    longitude: positions.get(u.code)?.longitude ?? null,
  }));

  const outlined = communeBoundariesNear([-180, -90, 180, 90])
    .map((c) => c.code)
    .filter((code) => shown.some((u) => u.code === code));
  return {
    filters,
    scope,
    figures: {
      organisations: {
        registered: orgs.reduce((s, o) => s + o.registered, 0),
        approved: orgs.reduce((s, o) => s + o.approved, 0),
      },
      products: {
        registered: sum(productRows.map((r) => ({ n: r.registered }))),
        approved: sum(productRows.map((r) => ({ n: r.approved }))),
      },
      lots: sum(lots),
      stamps: { issued: sum(issued), activated: sum(activated), scanned: sum(scanned) },
      inspections: sum(visits),
      violations: sum(found),
      consumerReports: sum(reports),
      synced: { available: false },
    },
    months,
    communes,
    map: { kind: outlined.length ? 'outlines' : 'points', outlined },
  };
}
