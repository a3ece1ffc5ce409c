import type { circularDataItems } from '../registry/index.ts';
import type { SyncKind } from './receiver.ts';

type CircularDataItem = (typeof circularDataItems)[number];

export interface CircularItem {
  /** The registry's code for the item (traceability systems declare the same codes). */
  code: CircularDataItem;
  /** Its number in Circular 02/2024/TT-BKHCN. */
  number: number;
  vi: string;
  en: string;
  /** Required, or only when the product has it ("nếu có"). */
  required: boolean;
  /** Which records carry it when they reach the national portal. */
  carriedBy: readonly SyncKind[];
}

/**
 * The ten data items every product connected to the national portal carries (Circular 02/2024/TT-BKHCN; REQUIREMENTS.md
 * §3), and which of the province's records carries each: the product carries its own, the organisation its name and
 * address, the lot its production date and expiry, the events their stages and times.
 */
export const circularItems: readonly CircularItem[] = [
  {
    code: 'product_name',
    number: 1,
    vi: 'Tên sản phẩm',
    en: 'product name',
    required: true,
    carriedBy: ['product'],
  },
  {
    code: 'product_image',
    number: 2,
    vi: 'Ảnh sản phẩm',
    en: 'product image',
    required: true,
    carriedBy: ['product'],
  },
  {
    code: 'producer_name',
    number: 3,
    vi: 'Tên cơ sở sản xuất, kinh doanh',
    en: "producer or trader's name",
    required: true,
    carriedBy: ['organisation'],
  },
  {
    code: 'producer_address',
    number: 4,
    vi: 'Địa chỉ cơ sở sản xuất, kinh doanh',
    en: "producer or trader's address",
    required: true,
    carriedBy: ['organisation'],
  },
  {
    code: 'stages',
    number: 5,
    vi: 'Công đoạn (mã truy vết sản phẩm, mã truy vết địa điểm, thời gian của sự kiện)',
    en: 'stages (product trace code, location trace code and time of each event)',
    required: true,
    carriedBy: ['event', 'location'],
  },
  {
    code: 'event_times',
    number: 6,
    vi: 'Thời gian diễn ra sự kiện sản xuất, kinh doanh',
    en: 'time of production and business events',
    required: true,
    carriedBy: ['event', 'lot'],
  },
  {
    code: 'traceability_code',
    number: 7,
    vi: 'Mã truy xuất nguồn gốc',
    en: 'traceability code',
    required: true,
    carriedBy: ['product', 'lot'],
  },
  {
    code: 'brand_model_serial',
    number: 8,
    vi: 'Nhãn hiệu, thương hiệu, mã kiểu, số sê-ri (nếu có)',
    en: 'brand, trademark, model code, serial (if any)',
    required: false,
    carriedBy: ['product'],
  },
  {
    code: 'shelf_life',
    number: 9,
    vi: 'Hạn sử dụng (nếu có)',
    en: 'shelf life or expiry (if any)',
    required: false,
    carriedBy: ['product', 'lot'],
  },
  {
    code: 'applied_standards',
    number: 10,
    vi: 'Tiêu chuẩn áp dụng (TCVN, QCVN, quốc tế, tiêu chuẩn cơ sở)',
    en: 'applied standards (TCVN, QCVN, international, in-house)',
    required: true,
    carriedBy: ['product'],
  },
];

export const circularItem = (code: CircularDataItem): CircularItem => {
  const item = circularItems.find((i) => i.code === code);
  if (!item) throw new Error(`no Circular 02/2024 item ${code}`);
  return item;
};
