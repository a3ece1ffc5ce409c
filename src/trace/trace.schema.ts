import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';

export const traceQuery = z.object({
  id: z.string().trim().min(1).max(2000),
  direction: z.enum(['backward', 'forward', 'both']).default('both'),
  asOf: storableDateTime().optional(),
});

const quantity = z.object({
  id: z.string(),
  role: z.string(),
  quantity: z.number().nullable(),
  uom: z.string().nullable(),
});
const link = z.object({ type: z.string().nullable(), value: z.string() });

export const traceItem = z.object({
  id: z.string(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  sscc: z.string().nullable(),
  productName: z.string().nullable(),
  lotStatus: z.string().nullable(),
  depth: z.number(),
  via: z.object({ from: z.string(), relation: z.string(), eventId: z.string().nullable() }).nullable(),
});

export const traceParty = z.object({
  id: z.string(),
  gln: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string().nullable(),
});

export const traceLocation = z.object({
  id: z.string(),
  gln: z.string().nullable(),
  locationId: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string().nullable(),
  type: z.string().nullable(),
  growingAreaCode: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export const traceEvent = z.object({
  eventId: z.string(),
  eventType: z.string(),
  eventTime: z.string(),
  eventTimeZoneOffset: z.string(),
  recordTime: z.string(),
  action: z.string().nullable(),
  bizStep: z.string().nullable(),
  disposition: z.string().nullable(),
  readPoint: z.string().nullable(),
  bizLocation: z.string().nullable(),
  capturedBy: z.string().nullable(),
  ids: z.array(quantity),
  sources: z.array(link),
  destinations: z.array(link),
  bizTransactions: z.array(link),
  ilmd: z.record(z.string(), z.unknown()).nullable(),
});

export const traceResult = z.object({
  root: z.string(),
  direction: z.enum(['backward', 'forward', 'both']),
  asOf: z.string().nullable(),
  /** True when the walk stopped at its limits (40 hops, 5,000 items) before the chain ended. */
  truncated: z.boolean(),
  items: z.array(traceItem),
  parties: z.array(traceParty),
  locations: z.array(traceLocation),
  events: z.array(traceEvent),
});
export type TraceResult = z.infer<typeof traceResult>;
export type TraceEvent = z.infer<typeof traceEvent>;
export type TraceItem = z.infer<typeof traceItem>;

export const recallQuery = z.object({
  id: z.string().trim().min(1).max(2000),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  /** Which part a CSV holds (a spreadsheet holds all three, one per worksheet). */
  sheet: z.enum(['events', 'stamps', 'shipments']).default('events'),
  asOf: storableDateTime().optional(),
});
