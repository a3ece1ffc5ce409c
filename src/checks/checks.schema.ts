import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * One run of one automatic check (issue 12 §3): when, how long, how many findings, or the error that stopped it.
 * `trigger` is 'schedule' or 'manual' (then `requestedBy` names the person). `sample` keeps the first findings'
 * summaries for the admin page (the findings themselves become signals of the cases module).
 */
export const checkRuns = pgTable(
  'check_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    check: text('check').notNull(),
    trigger: text('trigger').notNull(),
    requestedBy: text('requested_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    findings: integer('findings'),
    signalsCreated: integer('signals_created'),
    sample: jsonb('sample').$type<string[]>().notNull().default([]),
    error: text('error'),
  },
  (t) => [index('check_runs_check_idx').on(t.check, t.startedAt)],
);

export const checkName = z.string().regex(/^[a-z_]{1,40}$/);

export const checkRunView = z.object({
  id: z.string(),
  check: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  findings: z.number().nullable(),
  signalsCreated: z.number().nullable(),
  sample: z.array(z.string()),
  error: z.string().nullable(),
});
export type CheckRunView = z.infer<typeof checkRunView>;

/** A run as the routes show it: with the name of the person who asked for it (null for a scheduled run). */
export const namedRunView = checkRunView.extend({ requestedByName: z.string().nullable() });

export const checkView = z.object({
  name: z.string(),
  title: z.string(),
  lastRun: namedRunView.nullable(),
});

export const checkListResponse = z.object({
  /** Minutes between scheduled runs inside the server (TXNG_CHECKS_INTERVAL_MINUTES); 0: only on demand. */
  intervalMinutes: z.number().int(),
  items: z.array(checkView),
});
export const runResponse = z.object({
  /** false when another process holds the check's lock (it is running there now): nothing was run here. */
  ran: z.boolean(),
  run: namedRunView.nullable(),
});
