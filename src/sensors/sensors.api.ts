import { z } from 'zod';
import { readingKinds, thresholdTargets } from './sensors.schema.ts';

/** Units a reading may be sent in: Celsius, Fahrenheit, kelvin (UN/CEFACT CEL, FAH, KEL), percent (P1). */
export const readingUnits = ['CEL', 'FAH', 'KEL', 'P1'] as const;

/** The most rows one batch upload takes (a logger's backlog); more is sent as several batches. */
export const maxBatchRows = 5000;

export const readingInput = z.strictObject({
  /** When it was measured, with its offset (`2026-12-06T14:05:00+07:00`). */
  at: z.iso.datetime({ offset: true }),
  kind: z.enum(readingKinds),
  value: z.number().finite(),
  /** CEL (the default for temperature), FAH or KEL; P1 (percent, the default and only unit for humidity). */
  uom: z.enum(readingUnits).optional(),
  /** The lot it is about, when not the device's own. */
  lotId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  shipmentId: z.uuid().optional(),
});
export type ReadingInput = z.infer<typeof readingInput>;

export const batchInput = z.strictObject({
  readings: z.array(readingInput).min(1).max(maxBatchRows),
});

export const ingestResult = z.object({
  /** How many readings were stored. */
  stored: z.number().int(),
  /** Excursions that began to count with these readings (each alerted). */
  excursionsOpened: z.number().int(),
});

export const deviceInput = z.strictObject({
  organisationId: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  lotId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  shipmentId: z.uuid().optional(),
});
export type DeviceInput = z.infer<typeof deviceInput>;

export const deviceView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  lotId: z.string().nullable(),
  locationId: z.string().nullable(),
  shipmentId: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DeviceView = z.infer<typeof deviceView>;
/** A new device with its key, which is shown this once. */
export const newDeviceView = deviceView.extend({ key: z.string() });

export const thresholdInput = z.strictObject({
  organisationId: z.uuid().optional(),
  target: z.enum(thresholdTargets),
  productId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  shipmentId: z.uuid().optional(),
  kind: z.enum(readingKinds),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Minutes out of range before it is an excursion (0: at once). */
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
});
export type ThresholdInput = z.infer<typeof thresholdInput>;

export const thresholdView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  target: z.enum(thresholdTargets),
  targetId: z.string(),
  targetName: z.string(),
  kind: z.enum(readingKinds),
  min: z.number().nullable(),
  max: z.number().nullable(),
  durationMinutes: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ThresholdView = z.infer<typeof thresholdView>;

export const excursionView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  state: z.enum(['pending', 'open', 'closed']),
  kind: z.enum(readingKinds),
  min: z.number().nullable(),
  max: z.number().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  worstValue: z.number(),
  worstAt: z.string(),
  lotId: z.string().nullable(),
  lotLabel: z.string().nullable(),
  deviceName: z.string().nullable(),
  /** In plain Vietnamese: what went out of range, how far, from when to when (Vietnam time). */
  description: z.string(),
  published: z.boolean(),
});
export type ExcursionView = z.infer<typeof excursionView>;

export const alertView = z.object({
  id: z.uuid(),
  audience: z.enum(['organisation', 'sector']),
  sector: z.string().nullable(),
  createdAt: z.string(),
  excursion: excursionView,
});

export const alertsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const lotSensorsView = z.object({
  lotId: z.uuid(),
  readings: z.array(
    z.object({ at: z.string(), kind: z.enum(readingKinds), value: z.number(), source: z.string() }),
  ),
  thresholds: z.array(
    z.object({ kind: z.enum(readingKinds), min: z.number().nullable(), max: z.number().nullable() }),
  ),
  excursions: z.array(excursionView),
});
export type LotSensorsView = z.infer<typeof lotSensorsView>;
