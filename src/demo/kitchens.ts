import { createUser, demoPassword } from '../accounts/index.ts';
import { recordStage } from '../chain/index.ts';
import { addDish, createKitchen, keepSample, receiveDelivery } from '../kitchens/index.ts';
import { type Actor, type Config, type Db, localToday } from '../platform/index.ts';
import { createLocation, createOrganisation, setReviewStatus, taxCodeCheckDigit } from '../registry/index.ts';
import { demoLots } from './demo-data.ts';
import { commune } from './demo-organisations.ts';
import { type DemoRegistry, demoActor } from './demo-registry.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function taxCode(body: number): string {
  for (let b = body; ; b++) {
    const check = taxCodeCheckDigit(String(b));
    if (check !== null) return `${b}${check}`;
  }
}

/** A local time on a day `daysAgo` before today, never later than `now - margin` (the demo may start at dawn). */
function at(daysAgo: number, hhmm: string, marginHours: number): string {
  const day = localToday(Date.now() - daysAgo * DAY);
  const wanted = new Date(`${day}T${hhmm}:00+07:00`).getTime();
  return new Date(Math.min(wanted, Date.now() - marginHours * HOUR)).toISOString();
}

/**
 * The demo's school kitchen (issue 16 §4): a caterer's kitchen at Trường Tiểu học Bình Lộc, in a ward the demo
 * commune officer answers for. Four days of deliveries — durian cartons by their stamps, pork belly and rambutan
 * boxes by their lots' codes, one shipment of rambutan boxes by its reference — menus made of them, and a sample
 * of each dish (those of past days due to discard). Its cook and a health sector officer can sign in.
 */
export async function seedKitchenDemo(
  db: Db,
  config: Config,
  registry: DemoRegistry,
  stamps: { genuine: string } | null,
) {
  const caterer = await createOrganisation(
    db,
    {
      name: 'Công ty TNHH Suất ăn Học đường Bình Lộc',
      taxCode: taxCode(360611905),
      type: 'enterprise',
      sector: 'health',
      communeCode: commune('Phường Bình Lộc'),
      streetAddress: 'Đường Nguyễn Văn Cừ, khu phố 3',
      representative: 'Trần Thị Bếp',
      phone: '0251 3870 456',
    },
    demoActor,
  );
  await setReviewStatus(db, {
    entity: 'organisation',
    id: caterer.id,
    status: 'submitted',
    actor: demoActor,
  });
  await setReviewStatus(db, { entity: 'organisation', id: caterer.id, status: 'approved', actor: demoActor });
  const place = await createLocation(
    db,
    {
      organisationId: caterer.id,
      name: 'Bếp ăn Trường Tiểu học Bình Lộc',
      type: 'school_kitchen',
      locationAi: '414',
      communeCode: commune('Phường Bình Lộc'),
      streetAddress: 'Trường Tiểu học Bình Lộc, khu phố 3',
    } as Parameters<typeof createLocation>[1],
    demoActor,
  );
  await setReviewStatus(db, { entity: 'location', id: place.id, status: 'submitted', actor: demoActor });
  await setReviewStatus(db, { entity: 'location', id: place.id, status: 'approved', actor: demoActor });
  for (const person of [
    {
      email: 'bepan@suatanbinhloc.vn',
      name: 'Bếp trưởng Suất ăn Bình Lộc',
      role: 'org_owner' as const,
      organisationId: caterer.id,
    },
    {
      email: 'attp@syt.dongnai.gov.vn',
      name: 'Cán bộ An toàn thực phẩm',
      role: 'sector_officer' as const,
      sector: 'health' as const,
    },
  ])
    await createUser(db, { ...person, password: demoPassword }, null, { demo: true });

  const cook: Actor = { ...demoActor, role: 'org_owner', organisationIds: [caterer.id] };
  const kitchen = await createKitchen(db, cook, {
    organisationId: caterer.id,
    locationId: place.id,
    name: 'Trường Tiểu học Bình Lộc',
  });

  // the packer ships rambutan boxes to the kitchen two days ago: received by the shipment's reference
  const packerActor: Actor = {
    ...demoActor,
    role: 'org_owner',
    organisationIds: [registry.organisations.packer],
  };
  const shipped = await recordStage(db, packerActor, registry.organisations.packer, {
    stage: 'ship',
    eventTime: at(2, '05:30', 5),
    locationId: registry.locations.packingHouse,
    items: [{ ...demoLots.rambutanBoxes, quantity: 12, unit: 'H87' }],
    to: { organisationId: caterer.id, locationId: place.id },
    documents: { deliveryNote: 'PGH-BL-0212' },
  });

  const stampSerial = stamps ? Number(/\/21\/(\d+)/.exec(stamps.genuine)?.[1]) : null;
  const stampOf = (n: number) =>
    stamps && stampSerial ? stamps.genuine.replace(/\/21\/\d+/, `/21/${stampSerial + 100 + n}`) : null;
  const lotCode = (key: keyof typeof demoLots) =>
    `${config.baseUrl}/01/${demoLots[key].gtin}/10/${encodeURIComponent(demoLots[key].lot)}`;
  const receive = async (
    code: string | null,
    daysAgo: number,
    extra: { quantity?: number; unit?: 'KGM' | 'H87' },
  ) =>
    code
      ? (
          await receiveDelivery(db, cook, kitchen.id, { code, eventTime: at(daysAgo, '06:30', 4), ...extra })
        )[0]
      : null;

  const days: {
    daysAgo: number;
    dishes: { name: string; meal: 'lunch' | 'snack'; from: (string | null)[] }[];
  }[] = [];
  // three days ago: pork and durian
  {
    const pork = await receive(lotCode('porkBelly'), 3, { quantity: 15, unit: 'KGM' });
    const durian = await receive(stampOf(1), 3, { quantity: 1, unit: 'H87' });
    days.push({
      daysAgo: 3,
      dishes: [
        { name: 'Cơm trắng, thịt heo kho trứng', meal: 'lunch', from: [pork?.id ?? null] },
        { name: 'Sầu riêng tráng miệng', meal: 'snack', from: [durian?.id ?? null] },
      ],
    });
  }
  // two days ago: the rambutan shipment, and pork from the first delivery
  {
    const rambutan = shipped.shipmentId ? await receive(shipped.shipmentId, 2, {}) : null;
    const pork = await receive(lotCode('porkBelly'), 2, { quantity: 10, unit: 'KGM' });
    days.push({
      daysAgo: 2,
      dishes: [
        { name: 'Canh chua thịt heo', meal: 'lunch', from: [pork?.id ?? null] },
        { name: 'Chôm chôm', meal: 'snack', from: [rambutan?.id ?? null] },
      ],
    });
  }
  // yesterday: rambutan boxes by their lot's code, roasted cashews
  {
    const rambutan = await receive(lotCode('rambutanBoxes'), 1, { quantity: 10, unit: 'H87' });
    const cashew = await receive(lotCode('roastedCashew'), 1, { quantity: 4, unit: 'H87' });
    days.push({
      daysAgo: 1,
      dishes: [
        { name: 'Xôi hạt điều', meal: 'lunch', from: [cashew?.id ?? null] },
        { name: 'Chôm chôm', meal: 'snack', from: [rambutan?.id ?? null] },
      ],
    });
  }
  // today: pork belly and durian by its stamp
  {
    const pork = await receive(lotCode('porkBelly'), 0, { quantity: 18, unit: 'KGM' });
    const durian = await receive(stampOf(2), 0, { quantity: 1, unit: 'H87' });
    days.push({
      daysAgo: 0,
      dishes: [
        { name: 'Cơm trắng, thịt heo rim mặn, canh rau', meal: 'lunch', from: [pork?.id ?? null] },
        { name: 'Sầu riêng tráng miệng', meal: 'snack', from: [durian?.id ?? null] },
      ],
    });
  }

  for (const day of days) {
    for (const [i, dish] of day.dishes.entries()) {
      const ingredients = dish.from
        .filter((id): id is string => id !== null)
        .map((receiptId) => ({ receiptId }));
      if (!ingredients.length) continue;
      const cookedAt = at(day.daysAgo, i === 0 ? '10:00' : '14:00', 2);
      const made = await addDish(db, cook, kitchen.id, {
        servedOn: localToday(Date.now() - day.daysAgo * DAY),
        meal: dish.meal,
        name: dish.name,
        portions: dish.meal === 'lunch' ? 420 : 400,
        cookedAt,
        ingredients,
      });
      // past days' samples are left to discard: the back office lists them as due (today's, if not cooked yet, none)
      await keepSample(db, cook, kitchen.id, {
        dishId: made.id,
        takenAt: new Date(new Date(cookedAt).getTime() + 30 * 60_000).toISOString(),
      }).catch(() => null);
    }
  }
  return { kitchenId: kitchen.id };
}
