import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';

export const diaryKinds = [
  'seed', // seed, seedling or breed animals
  'fertiliser',
  'pesticide',
  'veterinary_drug',
  'care', // watering, pruning, feeding, cleaning …
  'harvest',
  'other',
] as const;
export type DiaryKind = (typeof diaryKinds)[number];
/** Kinds whose use starts a withdrawal (pre-harvest) interval. */
export const withdrawalKinds: readonly DiaryKind[] = ['pesticide', 'veterinary_drug'];

/** One dated line of a production diary (nhật ký sản xuất) of a growing area or herd, for one season. */
export const diaryEntries = pgTable(
  'diary_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    locationId: uuid('location_id').notNull(),
    season: text('season').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    inputName: text('input_name'),
    activeIngredient: text('active_ingredient'),
    dose: text('dose'),
    withdrawalDays: integer('withdrawal_days'),
    quantity: numeric('quantity'),
    unit: text('unit'),
    lotGtin: text('lot_gtin'),
    lotNumber: text('lot_number'),
    note: text('note'),
    photoFileIds: jsonb('photo_file_ids').$type<string[]>().notNull().default([]),
    eventId: text('event_id').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('diary_entries_location_season_idx').on(t.locationId, t.season, t.entryDate),
    index('diary_entries_organisation_idx').on(t.organisationId, t.entryDate),
  ],
);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const diaryEntryInput = z.object({
  /**
   * The entry's id, chosen by the client (a UUID made on the phone when the entry was written, decision 061): a
   * repeat of the same id and content is the same entry, never a second one. Left out, the server chooses.
   */
  id: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
  locationId: z.string().uuid(),
  season: z.string().trim().min(1).max(80),
  entryDate: isoDate,
  kind: z.enum(diaryKinds),
  inputName: z.string().trim().min(1).max(200).optional(),
  activeIngredient: z.string().trim().min(1).max(200).optional(),
  dose: z.string().trim().min(1).max(100).optional(),
  withdrawalDays: z.number().int().min(0).max(365).optional(),
  quantity: z.number().positive().max(1e9).optional(),
  unit: z.enum(['KGM', 'GRM', 'TNE', 'LTR', 'MLT', 'H87']).optional(),
  /** a harvest may name the lot it produced (GTIN + lot number) */
  lot: z.object({ gtin: z.string().trim().min(8).max(14), lot: z.string().min(1).max(20) }).optional(),
  note: z.string().max(2000).optional(),
  photoFileIds: z.array(z.string().uuid()).max(10).default([]),
});
export type DiaryEntryInput = z.infer<typeof diaryEntryInput>;

export const diaryEntryResponse = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  locationId: z.string().uuid(),
  season: z.string(),
  entryDate: z.string(),
  kind: z.enum(diaryKinds),
  inputName: z.string().nullable(),
  activeIngredient: z.string().nullable(),
  dose: z.string().nullable(),
  withdrawalDays: z.number().int().nullable(),
  withdrawalUntil: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  lot: z.object({ gtin: z.string(), lot: z.string() }).nullable(),
  note: z.string().nullable(),
  photos: z.array(z.object({ id: z.string().uuid(), url: z.string(), thumbnailUrl: z.string() })),
  eventId: z.string(),
  createdAt: z.string(),
});
export type DiaryEntryResponse = z.infer<typeof diaryEntryResponse>;

export const diaryListQuery = z.object({
  locationId: z.string().uuid(),
  season: z.string().trim().min(1).max(80).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const diaryListResponse = z.object({
  items: z.array(diaryEntryResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
