import type { FastifyInstance } from 'fastify';
import { gtin14 } from '../chain/index.ts';
import { escapeDlValue } from '../gs1/index.ts';
import { type DbOrTx, isUuid, type Lang, localToday } from '../platform/index.ts';
import { sendNotFoundPage, sendPortalPage } from '../portal/index.ts';
import { html, pageLanguage } from '../public/index.ts';
import {
  administrativeUnits,
  findAdministrativeUnit,
  getPublishedLocationsByIds,
  getPublishedLotByKey,
  getPublishedOrganisationsByIds,
  getPublishedProductByGtin,
} from '../registry/index.ts';
import * as repo from './kitchens.repo.ts';
import type { Meal } from './kitchens.schema.ts';

const DAY = 86_400_000;
/** How far back parents may look. */
export const PUBLIC_DAYS = 30;

const words = {
  vi: {
    title: (name: string) => `Thực đơn — ${name}`,
    lead: 'Thực đơn của bếp ăn và nguồn gốc từng nguyên liệu, theo tem truy xuất của nhà cung cấp.',
    today: 'Hôm nay',
    menuOf: (d: string) => `Thực đơn ngày ${d}`,
    none: 'Bếp ăn chưa ghi thực đơn cho ngày này.',
    pick: 'Xem ngày khác',
    show: 'Xem',
    recent: 'Những ngày gần đây',
    meals: { breakfast: 'Bữa sáng', lunch: 'Bữa trưa', snack: 'Bữa xế', dinner: 'Bữa tối' } as Record<
      Meal,
      string
    >,
    supplier: 'Nhà cung cấp',
    origin: 'Nguồn gốc',
    lot: 'Lô',
    trace: 'Xem truy xuất',
    unknownSupplier: 'nhà cung cấp chưa công bố trên hệ thống',
    unknownOrigin: 'chưa công bố',
    ingredient: 'Nguyên liệu',
    sample: 'Đã lưu mẫu',
    tooOld: `Chỉ xem được thực đơn của ${PUBLIC_DAYS} ngày gần đây.`,
    badDate: 'Ngày không hợp lệ; đang hiện thực đơn hôm nay.',
    kitchenOf: (org: string) => `Bếp ăn của ${org}`,
    note: 'Trang này không có thông tin cá nhân của học sinh hay nhân viên.',
  },
  en: {
    title: (name: string) => `Menu — ${name}`,
    lead: "The kitchen's menu and where each ingredient came from, by its supplier's traceability stamp.",
    today: 'Today',
    menuOf: (d: string) => `Menu of ${d}`,
    none: 'The kitchen has not recorded a menu for this day.',
    pick: 'Another day',
    show: 'Show',
    recent: 'Recent days',
    meals: { breakfast: 'Breakfast', lunch: 'Lunch', snack: 'Afternoon snack', dinner: 'Dinner' } as Record<
      Meal,
      string
    >,
    supplier: 'Supplier',
    origin: 'Origin',
    lot: 'Lot',
    trace: 'See its trace',
    unknownSupplier: 'supplier not published on the platform',
    unknownOrigin: 'not published',
    ingredient: 'Ingredient',
    sample: 'Sample kept',
    tooOld: `Only the last ${PUBLIC_DAYS} days' menus can be seen.`,
    badDate: 'Not a valid date; showing today’s menu.',
    kitchenOf: (org: string) => `Kitchen of ${org}`,
    note: 'This page holds no personal data of pupils or staff.',
  },
};

const dayText = (lang: Lang, day: string) => {
  const [y, m, d] = day.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
};

/**
 * What parents see of a day's menu: dishes and, per ingredient, its published product, supplier, origin and the
 * lot's public trace page. Only published registry records and nothing about people.
 */
async function publicMenu(db: DbOrTx, kitchenId: string, day: string) {
  const dishes = await repo.dishesOfDay(db, kitchenId, day);
  const ingredients = await repo.ingredientsOf(
    db,
    dishes.map((d) => d.id),
  );
  const samples = await repo.samplesOfDishes(
    db,
    dishes.map((d) => d.id),
  );
  const receipts = await repo.findReceipts(db, [...new Set(ingredients.map((i) => i.receiptId))]);
  const lots = new Map(
    await Promise.all(
      receipts.map(
        async (r) => [r.id, await getPublishedLotByKey(db, { gtin: gtin14(r.gtin), lot: r.lot })] as const,
      ),
    ),
  );
  const products = new Map(
    await Promise.all(
      [...new Set(receipts.map((r) => gtin14(r.gtin)))].map(
        async (g) => [g, await getPublishedProductByGtin(db, g)] as const,
      ),
    ),
  );
  const orgIds = [
    ...new Set(
      receipts
        .flatMap((r) => [r.supplierOrganisationId, lots.get(r.id)?.organisationId])
        .filter((x): x is string => !!x),
    ),
  ];
  const orgs = new Map(
    (orgIds.length ? await getPublishedOrganisationsByIds(db, orgIds) : []).map((o) => [o.id, o]),
  );
  const placeIds = [...new Set([...lots.values()].map((l) => l?.locationId).filter((x): x is string => !!x))];
  const places = new Map(
    (placeIds.length ? await getPublishedLocationsByIds(db, placeIds) : []).map((p) => [p.id, p]),
  );
  const province = administrativeUnits().province.name;
  const describe = (r: repo.ReceiptRow) => {
    const lot = lots.get(r.id) ?? null;
    const supplier = r.supplierOrganisationId ? orgs.get(r.supplierOrganisationId) : undefined;
    const producer = lot ? orgs.get(lot.organisationId) : undefined;
    const place = lot?.locationId ? places.get(lot.locationId) : undefined;
    const commune = place?.communeCode ?? producer?.communeCode ?? supplier?.communeCode ?? null;
    const communeName = commune ? (findAdministrativeUnit(commune)?.name ?? null) : null;
    return {
      product: products.get(gtin14(r.gtin))?.name ?? null,
      supplier: supplier?.name ?? null,
      origin: communeName ? `${communeName}, ${province}` : null,
      lot: r.lot,
      traceUrl: lot ? `/01/${gtin14(r.gtin)}/10/${escapeDlValue(r.lot, false)}` : null,
    };
  };
  const receiptOf = new Map(receipts.map((r) => [r.id, r]));
  const sampled = new Set(samples.map((s) => s.dishId));
  return dishes.map((d) => ({
    name: d.name,
    meal: d.meal,
    sampled: sampled.has(d.id),
    ingredients: ingredients
      .filter((i) => i.dishId === d.id)
      .map((i) => receiptOf.get(i.receiptId))
      .filter((r): r is repo.ReceiptRow => !!r)
      .map(describe)
      // two deliveries of one lot from one supplier are one line for parents
      .filter(
        (line, i, all) =>
          all.findIndex(
            (o) => o.lot === line.lot && o.product === line.product && o.supplier === line.supplier,
          ) === i,
      ),
  }));
}

const mealOrder: Meal[] = ['breakfast', 'lunch', 'snack', 'dinner'];

/** The parents' page of a school kitchen: `/bep-an/:id?ngay=YYYY-MM-DD`, no script, phone first. */
export async function kitchenPageRoutes(app: FastifyInstance) {
  app.get('/bep-an/:id', { schema: { hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const kitchen = isUuid(id) ? await repo.findKitchen(app.db, id) : null;
    if (!kitchen) return sendNotFoundPage(request, reply);
    const lang = pageLanguage(request);
    const w = words[lang];
    const today = localToday();
    const oldest = localToday(Date.now() - (PUBLIC_DAYS - 1) * DAY);
    const asked = (request.query as Record<string, unknown>).ngay;
    let day = today;
    let warning: string | null = null;
    if (typeof asked === 'string' && asked !== '') {
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(`${asked}T00:00:00Z`));
      if (!valid) warning = w.badDate;
      else if (asked < oldest || asked > today) warning = w.tooOld;
      else day = asked;
    }
    const [dishes, days, owners] = await Promise.all([
      publicMenu(app.db, kitchen.id, day),
      repo.menuDays(app.db, kitchen.id, oldest, today),
      getPublishedOrganisationsByIds(app.db, [kitchen.organisationId]),
    ]);
    const q = (d: string) => `/bep-an/${kitchen.id}?ngay=${d}${lang === 'en' ? '&lang=en' : ''}`;
    const recent = [...new Set([today, ...days])].slice(0, 7);
    const body = html`<h1>${w.title(kitchen.name)}</h1>
${owners[0] ? html`<p class="muted">${w.kitchenOf(owners[0].name)}</p>` : ''}
<p>${w.lead}</p>
${warning ? html`<div class="notice" role="status"><p>${warning}</p></div>` : ''}
<nav class="tabs" aria-label="${w.recent}">${recent.map((d) => html`<a href="${q(d)}"${d === day ? html` aria-current="date"` : ''}>${d === today ? w.today : dayText(lang, d)}</a>`)}</nav>
<form method="get" action="/bep-an/${kitchen.id}" class="search pager"><label class="skip" for="ngay">${w.pick}</label><input type="date" id="ngay" name="ngay" value="${day}" min="${oldest}" max="${today}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${w.show}</button></form>
<h2>${w.menuOf(dayText(lang, day))}</h2>
${
  dishes.length
    ? mealOrder
        .filter((m) => dishes.some((d) => d.meal === m))
        .map(
          (m) =>
            html`<section class="card"><h3>${w.meals[m]}</h3><ul class="plain">${dishes
              .filter((d) => d.meal === m)
              .map(
                (d) =>
                  html`<li><strong>${d.name}</strong>${d.sampled ? html` <span class="tag spec">${w.sample}</span>` : ''}<ul class="plain">${d.ingredients.map(
                    (i) =>
                      html`<li><div>${i.product ?? w.ingredient} <span class="muted">· ${w.lot} ${i.lot}</span></div><div class="muted">${w.supplier}: ${i.supplier ?? w.unknownSupplier}</div><div class="muted">${w.origin}: ${i.origin ?? w.unknownOrigin}</div>${i.traceUrl ? html`<div><a href="${i.traceUrl}">${w.trace} →</a></div>` : ''}</li>`,
                  )}</ul></li>`,
              )}</ul></section>`,
        )
    : html`<section class="card"><p>${w.none}</p></section>`
}
<p class="muted">${w.note}</p>`;
    return sendPortalPage(request, reply, { title: w.title(kitchen.name), section: null, body });
  });
}
