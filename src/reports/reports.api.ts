import { z } from 'zod';

export const reportKinds = ['annual', 'half_yearly', 'custom'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportStates = ['draft', 'issued'] as const;

/**
 * A new report: annual (year), half-yearly (year and half 1 or 2) or for any period (periodFrom–periodTo).
 * The period is derived from the kind; what a kind does not use is ignored. Title and header can follow later.
 */
export const reportCreateInput = z.object({
  kind: z.enum(reportKinds),
  year: z.number().int().optional(),
  half: z.number().int().optional(),
  periodFrom: z.iso.date().optional(),
  periodTo: z.iso.date().optional(),
  planId: z.uuid().optional(),
  title: z.string().trim().max(500).optional(),
});
export type ReportCreateInput = z.infer<typeof reportCreateInput>;

/** What the department may change while the report is a draft: its header, recipients, signer and own words. */
export const reportHeaderInput = z.object({
  title: z.string().trim().min(1).max(500),
  number: z.string().trim().max(60).nullable().optional(),
  recipients: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  signerName: z.string().trim().max(120).nullable().optional(),
  signerTitle: z.string().trim().max(200).nullable().optional(),
  notes: z.string().trim().max(20000).nullable().optional(),
});
export type ReportHeaderInput = z.infer<typeof reportHeaderInput>;

const words = z.object({ vi: z.string(), en: z.string() });

export const reportIndicator = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.string(),
  describe: z.string().nullable(),
  target: z.number().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** computed from the data, entered by hand (manualSource says where from), or missing. */
  source: z.enum(['computed', 'manual', 'missing']),
  manualSource: z.string().nullable(),
  /** null: no value or no target to compare. */
  met: z.boolean().nullable(),
});

export const reportTask = z.object({
  id: z.string(),
  what: z.string(),
  who: z.string(),
  deadline: z.string().nullable(),
  state: z.string(),
  overdue: z.boolean(),
  evidenceCount: z.number(),
});

export const reportFigure = z.object({
  key: z.string(),
  label: words,
  total: z.number(),
  inPeriod: z.number(),
});

/** Everything a report shows from the data: live for a draft, frozen at issue. */
export const reportContent = z.object({
  /** When these figures were computed (the issue time for an issued report). */
  computedAt: z.string(),
  plan: z
    .object({
      id: z.string(),
      title: z.string(),
      decisionNumber: z.string().nullable(),
      decisionDate: z.string().nullable(),
      startYear: z.number(),
      endYear: z.number(),
    })
    .nullable(),
  indicators: z.array(reportIndicator),
  tasks: z.array(reportTask),
  figures: z.array(reportFigure),
});
export type ReportContent = z.infer<typeof reportContent>;

export const reportSummary = z.object({
  id: z.string(),
  kind: z.enum(reportKinds),
  periodFrom: z.string(),
  periodTo: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  state: z.enum(reportStates),
  issuedAt: z.string().nullable(),
  issuedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const reportView = reportSummary.extend({
  planId: z.string().nullable(),
  recipients: z.array(z.string()),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  notes: z.string().nullable(),
  /** The agency lines and place of the header (from the province's configuration). */
  agency: z.object({ parent: z.string(), name: z.string(), place: z.string() }),
  /** true: computed now from the data (a draft); false: the snapshot frozen at issue. */
  live: z.boolean(),
  content: reportContent,
});
export type ReportView = z.infer<typeof reportView>;

export const reportListQuery = z.object({
  state: z.enum(reportStates).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const reportList = z.object({
  items: z.array(reportSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
