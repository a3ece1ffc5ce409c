import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';
import { meals, receiptMethods } from './kitchens.schema.ts';

/** UN/ECE Recommendation 20 units, as the stage forms use them. */
export const kitchenUnits = ['KGM', 'GRM', 'LTR', 'MLT', 'H87'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const kitchenInput = z.object({
  /** the school or its caterer; the actor's only organisation when left out */
  organisationId: z.uuid().optional(),
  /** a location of that organisation, of type school_kitchen */
  locationId: z.uuid(),
  /** the name parents read (the school's); the location's name when left out */
  name: z.string().trim().min(1).max(200).optional(),
});

export const kitchenView = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string().nullable(),
  locationId: z.string(),
  name: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  publicUrl: z.string(),
  createdAt: z.string(),
});
export type KitchenView = z.infer<typeof kitchenView>;

export const receiveInput = z.object({
  /** the stamp's link or code as scanned or pasted, or the reference (id) of a shipment sent to the kitchen */
  code: z.string().trim().min(1).max(500),
  /** how much came in; one piece (the stamped unit) when left out, the shipment's own quantity for a shipment */
  quantity: z.number().positive().max(1e9).optional(),
  unit: z.enum(kitchenUnits).optional(),
  eventTime: storableDateTime().optional(),
});

export const originView = z.object({
  communeName: z.string().nullable(),
  provinceName: z.string().nullable(),
  placeName: z.string().nullable(),
});

export const receiptView = z.object({
  id: z.string(),
  method: z.enum(receiptMethods),
  code: z.string(),
  gtin: z.string(),
  lot: z.string(),
  productName: z.string().nullable(),
  quantity: z.number(),
  unit: z.string(),
  supplier: z.object({ organisationId: z.string().nullable(), name: z.string() }),
  origin: originView,
  eventId: z.string(),
  shipmentId: z.string().nullable(),
  receivedAt: z.string(),
});
export type ReceiptView = z.infer<typeof receiptView>;

export const receiptsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const dishInput = z.object({
  servedOn: isoDate,
  meal: z.enum(meals),
  name: z.string().trim().min(1).max(200),
  portions: z.number().int().positive().max(100000).optional(),
  cookedAt: storableDateTime().optional(),
  ingredients: z
    .array(
      z.object({
        receiptId: z.uuid(),
        quantity: z.number().positive().max(1e9).optional(),
        unit: z.enum(kitchenUnits).optional(),
      }),
    )
    .min(1)
    .max(50),
});

export const sampleView = z.object({
  id: z.string(),
  dishId: z.string(),
  dishName: z.string(),
  servedOn: z.string(),
  meal: z.enum(meals),
  takenAt: z.string(),
  discardBy: z.string(),
  discardedAt: z.string().nullable(),
  due: z.boolean(),
});
export type SampleView = z.infer<typeof sampleView>;

export const dishView = z.object({
  id: z.string(),
  servedOn: z.string(),
  meal: z.enum(meals),
  name: z.string(),
  portions: z.number().nullable(),
  eventId: z.string(),
  batchId: z.string(),
  cookedAt: z.string(),
  ingredients: z.array(
    receiptView.extend({ usedQuantity: z.number().nullable(), usedUnit: z.string().nullable() }),
  ),
  sample: sampleView.nullable(),
});
export type DishView = z.infer<typeof dishView>;

export const menuQuery = z.object({ date: isoDate.optional() });
export const menuView = z.object({ date: z.string(), dishes: z.array(dishView) });

export const sampleInput = z.object({
  dishId: z.uuid(),
  takenAt: storableDateTime().optional(),
  /** 24 hours after it was taken when left out; never sooner */
  discardBy: storableDateTime().optional(),
});
export const samplesQuery = z.object({
  /** only the samples whose keeping time is over and which are not yet discarded */
  due: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const overviewQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const overviewView = z.object({
  from: z.string(),
  to: z.string(),
  kitchens: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organisationName: z.string().nullable(),
      communeCode: z.string().nullable(),
      communeName: z.string().nullable(),
      deliveriesByStamp: z.number(),
      deliveriesOther: z.number(),
      daysWithMenu: z.number(),
      dishes: z.number(),
      suppliers: z.number(),
    }),
  ),
  suppliers: z.array(
    z.object({
      organisationId: z.string().nullable(),
      name: z.string(),
      kitchens: z.number(),
      deliveriesByStamp: z.number(),
      deliveriesOther: z.number(),
    }),
  ),
});
export type OverviewView = z.infer<typeof overviewView>;
