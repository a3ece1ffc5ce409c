import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';
import { shipmentStates } from './chain.schema.ts';

const link = z.object({ type: z.string(), value: z.string() });
const partySummary = z.object({ organisationId: z.string().uuid(), name: z.string().nullable() });
/** the receiver: an organisation on the platform, or (organisationId null) an outside party by the name it was given */
const receiverSummary = z.object({
  organisationId: z.string().uuid().nullable(),
  name: z.string().nullable(),
});

export const shipmentResponse = z.object({
  id: z.string().uuid(),
  state: z.enum(shipmentStates),
  sender: partySummary,
  receiver: receiverSummary,
  shippedAt: z.string(),
  shippingEventId: z.string(),
  receivingEventId: z.string().nullable(),
  items: z.array(
    z.object({ id: z.string(), gtin: z.string(), lot: z.string(), quantity: z.number(), unit: z.string() }),
  ),
  sources: z.array(link),
  destinations: z.array(link),
  bizTransactions: z.array(link),
  disputeReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ShipmentResponse = z.infer<typeof shipmentResponse>;

export const shipmentListQuery = z.object({
  organisationId: z.string().uuid().optional(),
  state: z.enum(shipmentStates).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const shipmentListResponse = z.object({
  items: z.array(shipmentResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const receiveShipmentInput = z.object({
  /** where the goods arrived: a location of the receiver (else the destination the sender named) */
  locationId: z.string().uuid().optional(),
  eventTime: storableDateTime().optional(),
});

export const disputeShipmentInput = z.object({ reason: z.string().trim().min(3).max(1000) });
