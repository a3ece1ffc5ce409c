import { addVersion, putLabel } from '../passport/index.ts';
import type { Db } from '../platform/index.ts';
import { getProduct } from '../registry/index.ts';
import type { DemoRegistry } from './demo-registry.ts';
import { demoActor } from './demo-registry.ts';

type Seed = { goodsGroup: string; values: Record<string, string>; approved: boolean };

const fruitStorage = 'Bảo quản nơi khô ráo, thoáng mát; tốt nhất ở 12–15 °C. Không để chung với hoá chất.';

/** The demo products' e-labels (issue 16 §1): packed goods carry theirs; loose produce and live animals none. */
const labels: Partial<Record<keyof DemoRegistry['products'], Seed>> = {
  rambutanBox: {
    goodsGroup: 'nong-san-tuoi',
    values: { origin: 'Việt Nam (chôm chôm Long Khánh, Đồng Nai)', storage: fruitStorage },
    approved: true,
  },
  durianCarton: {
    goodsGroup: 'nong-san-tuoi',
    values: {
      origin: 'Việt Nam (vườn sầu riêng Xuân Lộc, Đồng Nai; đóng gói tại Xuân Lộc)',
      storage: `${fruitStorage} Dùng trong 7 ngày kể từ ngày đóng gói.`,
    },
    approved: true,
  },
  roastedCashew: {
    goodsGroup: 'thuc-pham-che-bien',
    values: {
      origin: 'Việt Nam (Hợp tác xã Điều Bù Đăng)',
      ingredients: 'Hạt điều (97 %), muối (2,5 %), dầu thực vật (0,5 %)',
      nutrition:
        'Trong 100 g: năng lượng 590 kcal; chất đạm 18 g; chất béo 46 g; carbohydrate 30 g; natri 480 mg',
      warnings: 'Có chứa hạt điều: không dùng cho người dị ứng với các loại hạt. Trẻ dưới 3 tuổi dễ hóc.',
      usage: 'Dùng ăn trực tiếp. Đậy kín nắp sau khi mở.',
      storage: 'Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.',
    },
    approved: true,
  },
  // waiting for review with an incomplete label: the reviewer reads what it lacks
  cashewGiftBox: {
    goodsGroup: 'thuc-pham-che-bien',
    values: {
      origin: 'Việt Nam (Hợp tác xã Điều Bù Đăng)',
      ingredients: 'Hạt điều rang muối (60 %), hạt điều sấy mộc (40 %)',
    },
    approved: false,
  },
};

export async function seedPassportDemo(db: Db, registry: DemoRegistry) {
  for (const [key, seed] of Object.entries(labels) as [keyof DemoRegistry['products'], Seed][]) {
    const id = registry.products[key];
    const label = await putLabel(
      db,
      demoActor,
      id,
      { goodsGroup: seed.goodsGroup, values: seed.values },
      'vi',
    );
    if (!seed.approved) continue;
    if (label.missing.length) throw new Error(`demo label of ${key} lacks ${label.missing.join(', ')}`);
    // the label written after the product's approval: its passport's next version, as a new approval would keep
    const product = await getProduct(db, id);
    if (product) await addVersion(db, product);
  }
}
