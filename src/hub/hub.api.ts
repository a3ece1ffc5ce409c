import { z } from 'zod';
import { syncKinds } from '../sync/index.ts';

/** The most items one delivery may hold (the contract in src/sync/receiver.ts). */
export const maxItemsPerDelivery = 1000;

/** One `SyncItem` on the wire; unknown fields are dropped so a newer sender is not refused for adding one. */
export const syncItemBody = z.object({
  key: z.string().min(1).max(400),
  kind: z.enum(syncKinds),
  recordId: z.string().min(1).max(300),
  version: z.number().int().min(1).max(2_000_000_000),
  action: z.enum(['upsert', 'withdraw']),
  payload: z.record(z.string(), z.unknown()).nullable(),
  organisationId: z.string().max(300).nullable(),
  reason: z.string().max(2000).nullable().optional(),
});
export type SyncItemBody = z.infer<typeof syncItemBody>;

export const deliveryBody = z.object({ items: z.array(syncItemBody).max(maxItemsPerDelivery) }).strict();

const reason = z.object({ vi: z.string(), en: z.string(), field: z.string().optional() });
export const deliveryResult = z.object({
  results: z.array(
    z.union([
      z.object({ key: z.string(), status: z.literal('confirmed') }),
      z.object({ key: z.string(), status: z.enum(['rejected', 'retry']), reason }),
    ]),
  ),
});

export const nodeInput = z
  .object({
    name: z.string().trim().min(2).max(200),
    /** The province's code in the national list of administrative units (two digits, `75`). */
    provinceCode: z
      .string()
      .trim()
      .regex(/^\d{2}$/),
    /** The province resolver's public base, its TXNG_BASE_URL. */
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .transform((u) => u.replace(/\/+$/, '')),
  })
  .strict();
export type NodeInput = z.infer<typeof nodeInput>;

export const nodeView = z.object({
  id: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  baseUrl: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastDeliveryAt: z.string().nullable(),
});
export type NodeView = z.infer<typeof nodeView>;
export const createdNodeView = nodeView.extend({
  /** The node's whole key, shown this once: the province sets it as TXNG_HUB_KEY. */
  key: z.string(),
});

export const searchKinds = ['product', 'organisation', 'lot'] as const;
export const searchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  kind: z.enum(searchKinds).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHit = z.object({
  kind: z.enum(searchKinds),
  recordId: z.string(),
  name: z.string(),
  gtin: z.string().nullable(),
  lot: z.string().nullable(),
  taxCode: z.string().nullable(),
  /** The producer's name for a product or lot, as its province sent it. */
  producer: z.string().nullable(),
  province: z.object({ code: z.string(), name: z.string() }),
  /** Where the record is seen: the hub's Digital Link for a product or lot, null for a producer. */
  href: z.string().nullable(),
  receivedAt: z.string(),
});
export const searchPage = z.object({
  items: z.array(searchHit),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const dashboardView = z.object({
  nodes: z.array(
    nodeView.extend({
      counts: z.record(z.string(), z.number()),
      withdrawn: z.number(),
      deliveries: z.number(),
      rejected: z.number(),
      /** Seconds between the newest delivery's oldest event and its arrival; null without one. */
      lagSeconds: z.number().nullable(),
      /** Seconds since the last delivery, null when none came yet. */
      silentSeconds: z.number().nullable(),
      lastRejections: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string(), at: z.string() })),
    }),
  ),
  generatedAt: z.string(),
});
export type DashboardView = z.infer<typeof dashboardView>;
