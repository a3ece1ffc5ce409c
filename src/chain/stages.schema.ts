import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';

/** UN/ECE Recommendation 20 unit codes a form may use. */
export const units = ['KGM', 'GRM', 'TNE', 'LTR', 'MLT', 'H87'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const eventTime = storableDateTime();

/** A quantity of a lot: GTIN + lot number (AI 01 + AI 10), checked in the service with the gs1 module. */
export const lotQuantity = z.object({
  gtin: z.string().trim().min(8).max(14),
  lot: z.string().min(1).max(20),
  quantity: z.number().positive().max(1e12),
  unit: z.enum(units),
});
export type LotQuantity = z.infer<typeof lotQuantity>;

/**
 * One step back or one step forward: an organisation on the platform (by id, optionally one of its
 * locations), or an outside party entered by hand (name, and GLN or tax code when known).
 */
export const partyInput = z.object({
  organisationId: z.string().uuid().optional(),
  locationId: z.string().uuid().optional(),
  name: z.string().trim().min(1).max(200).optional(),
  gln: z.string().trim().optional(),
  locationGln: z.string().trim().optional(),
  taxCode: z.string().trim().optional(),
});
export type PartyInput = z.infer<typeof partyInput>;

export const bizDocuments = z.object({
  invoice: z.string().trim().min(1).max(100).optional(),
  deliveryNote: z.string().trim().min(1).max(100).optional(),
  quarantineCertificate: z.string().trim().min(1).max(100).optional(),
});

const common = {
  /**
   * The stage's own id, chosen by the client (a UUID made on the phone when the form was filled offline, decision
   * 061): a repeat with the same content answers the recorded stage; left out, every submission is a new stage.
   */
  id: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
  eventTime,
  /** where it happened: a location of the acting organisation in the registry */
  locationId: z.string().uuid(),
  note: z.string().max(1000).optional(),
};

export const harvestForm = z.object({
  stage: z.literal('harvest'),
  ...common,
  output: lotQuantity,
  harvestStartDate: isoDate.optional(),
  harvestEndDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
});

const transformation = {
  ...common,
  inputs: z.array(lotQuantity).min(1).max(100),
  outputs: z.array(lotQuantity).min(1).max(100),
  productionDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
};
export const preprocessForm = z.object({ stage: z.literal('preprocess'), ...transformation });
export const processForm = z.object({ stage: z.literal('process'), ...transformation });

/** Packing into a logistic unit (SSCC) aggregates; packing into a new consumer lot transforms. */
export const packForm = z.object({
  stage: z.literal('pack'),
  ...common,
  inputs: z.array(lotQuantity).min(1).max(100),
  sscc: z.string().trim().optional(),
  outputs: z.array(lotQuantity).max(100).optional(),
  productionDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
});

export const storeForm = z.object({
  stage: z.literal('store'),
  ...common,
  items: z.array(lotQuantity).min(1).max(100),
});

export const shipForm = z.object({
  stage: z.literal('ship'),
  ...common,
  items: z.array(lotQuantity).min(1).max(100),
  to: partyInput,
  documents: bizDocuments.optional(),
});

export const receiveForm = z.object({
  stage: z.literal('receive'),
  ...common,
  items: z.array(lotQuantity).min(1).max(100),
  from: partyInput,
  documents: bizDocuments.optional(),
});

export const sellForm = z.object({
  stage: z.literal('sell'),
  ...common,
  items: z.array(lotQuantity).min(1).max(100),
});

export const stageForm = z.discriminatedUnion('stage', [
  harvestForm,
  preprocessForm,
  processForm,
  packForm,
  storeForm,
  shipForm,
  receiveForm,
  sellForm,
]);
export type StageForm = z.infer<typeof stageForm>;
export type StageName = StageForm['stage'];

export const stageResponse = z.object({
  stage: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  captureId: z.string(),
  shipmentId: z.string().uuid().nullable(),
});

export const stockQuery = z.object({
  organisationId: z.string().uuid().optional(),
  q: z.string().trim().max(200).optional(),
  /** lots with nothing left too */
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const stockPage = z.object({
  items: z.array(
    z.object({
      gtin: z.string(),
      lot: z.string(),
      productName: z.string().nullable(),
      available: z.array(z.object({ quantity: z.number(), unit: z.string() })),
    }),
  ),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
