import { recordStage } from '../chain/index.ts';
import { addDiaryEntry, type DiaryEntryInput } from '../diary/index.ts';
import type { Config, Db } from '../platform/index.ts';
import { demoLots } from './demo-data.ts';
import type { DemoRegistry } from './demo-registry.ts';
import { demoActor } from './demo-registry.ts';

type Entry = Omit<DiaryEntryInput, 'locationId' | 'season' | 'photoFileIds'>;

const rambutanSeason = 'Vụ chôm chôm 2026';
const rambutanDiary: Entry[] = [
  { entryDate: '2026-01-12', kind: 'care', note: 'Tỉa cành, vệ sinh vườn sau vụ' },
  { entryDate: '2026-03-15', kind: 'fertiliser', inputName: 'Phân NPK 16-16-8', quantity: 600, unit: 'KGM' },
  {
    entryDate: '2026-05-25',
    kind: 'pesticide',
    inputName: 'Anvil 5SC',
    activeIngredient: 'Hexaconazole',
    dose: '20 ml/16 L nước',
    withdrawalDays: 7,
    note: 'Phòng bệnh phấn trắng',
  },
  { entryDate: '2026-06-02', kind: 'care', note: 'Tưới nước, kiểm tra độ chín' },
  { entryDate: '2026-06-08', kind: 'harvest', quantity: 3000, unit: 'KGM', note: 'Thu hoạch đợt 1' },
];

const durianDiary: Entry[] = [
  {
    entryDate: '2026-04-02',
    kind: 'fertiliser',
    inputName: 'Phân hữu cơ vi sinh',
    quantity: 1200,
    unit: 'KGM',
  },
  {
    entryDate: '2026-05-28',
    kind: 'pesticide',
    inputName: 'Ridomil Gold 68WG',
    activeIngredient: 'Metalaxyl-M + Mancozeb',
    dose: '50 g/16 L nước',
    withdrawalDays: 10,
  },
  { entryDate: '2026-06-10', kind: 'harvest', quantity: 2400, unit: 'KGM' },
];

const herdDiary: Entry[] = [
  {
    entryDate: '2026-02-01',
    kind: 'seed',
    inputName: 'Heo giống Yorkshire × Landrace',
    quantity: 120,
    unit: 'H87',
  },
  {
    entryDate: '2026-05-01',
    kind: 'veterinary_drug',
    inputName: 'Amoxicillin 15% LA',
    activeIngredient: 'Amoxicillin',
    dose: '1 ml/10 kg thể trọng',
    withdrawalDays: 28,
  },
  { entryDate: '2026-06-14', kind: 'harvest', quantity: 40, unit: 'H87', note: 'Xuất chuồng' },
];

/** Demo diaries for two orchards and a herd, and one shipment waiting in the exporter's inbox. */
export async function seedChainDemo(db: Db, config: Config, registry: DemoRegistry) {
  const diaries: [keyof DemoRegistry['organisations'], keyof DemoRegistry['locations'], string, Entry[]][] = [
    ['rambutanCoop', 'rambutanArea', rambutanSeason, rambutanDiary],
    ['durianFarm', 'durianArea', 'Vụ sầu riêng 2026', durianDiary],
    ['pigFarm', 'pigBarn', 'Lứa heo 2026-1', herdDiary],
  ];
  for (const [organisation, location, season, entries] of diaries) {
    for (const entry of entries) {
      await addDiaryEntry(db, config, demoActor, registry.organisations[organisation], {
        ...entry,
        locationId: registry.locations[location],
        season,
        photoFileIds: [],
      });
    }
  }
  await recordStage(db, demoActor, registry.organisations.cashewCoop, {
    stage: 'ship',
    eventTime: '2026-06-20T09:00:00+07:00',
    locationId: registry.locations.cashewWorkshop,
    items: [{ ...demoLots.roastedCashew, quantity: 200, unit: 'H87' }],
    to: { organisationId: registry.organisations.exporter, locationId: registry.locations.exporterWarehouse },
    documents: { invoice: 'HD-DBD-000412', deliveryNote: 'PGH-0412' },
  });
}
