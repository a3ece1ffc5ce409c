import { z } from 'zod';
import { caseOutcomes, caseStates } from './cases.schema.ts';

const note = z.string().max(2000).optional();

export const caseListQuery = z.strictObject({
  state: z.enum(caseStates).optional(),
  /** consumer_report | inspection | scan | check (any automatic check) | check:<name> */
  source: z
    .string()
    .regex(/^(consumer_report|inspection|scan|check(:[a-z_]{1,40})?)$/)
    .optional(),
  subjectType: z.enum(['organisation', 'product', 'lot', 'stamp_range']).optional(),
  assigneeId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  communeCode: z.string().min(1).max(10).optional(),
  sector: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const caseActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('assign'), assigneeId: z.uuid(), note }),
  z.strictObject({ action: z.literal('start'), note }),
  z.strictObject({
    action: z.literal('close'),
    outcome: z.enum(caseOutcomes),
    outcomeText: z.string().trim().min(5).max(2000),
    note,
  }),
]);

export const reporterToldBody = z.strictObject({ reportId: z.uuid() });

const subject = z.object({
  type: z.string(),
  organisationId: z.string(),
  organisationName: z.string().nullable(),
  communeName: z.string().nullable(),
  sector: z.string().nullable(),
  productId: z.string().nullable(),
  lotId: z.string().nullable(),
  gtin: z.string().nullable(),
  /** The product the GTIN names in the registry, for people to read. */
  productName: z.string().nullable(),
  firstSerial: z.number().nullable(),
  lastSerial: z.number().nullable(),
});

const caseCore = {
  id: z.string(),
  number: z.number(),
  state: z.enum(caseStates),
  stateWords: z.string(),
  subject,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeWords: z.string().nullable(),
  outcomeText: z.string().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
};

export const caseList = z.object({
  total: z.number(),
  items: z.array(z.object({ ...caseCore, signalCount: z.number(), sources: z.array(z.string()) })),
});

export const caseView = z.object({
  ...caseCore,
  mayAct: z.boolean(),
  signals: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      summary: z.string(),
      evidence: z.record(z.string(), z.unknown()),
      count: z.number(),
      firstSeenAt: z.string(),
      lastSeenAt: z.string(),
    }),
  ),
  steps: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      note: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      gtin: z.string().nullable(),
      productName: z.string().nullable(),
      serial: z.string().nullable(),
      message: z.string(),
      phone: z.string().nullable(),
      photoUrl: z.string().nullable(),
      createdAt: z.string(),
      toldAt: z.string().nullable(),
      toTell: z.string().nullable(),
    }),
  ),
});

export const assigneeList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

export const reportQueueQuery = z.strictObject({
  status: z.enum(['new', 'in_case', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const reportQueue = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      gtin: z.string().nullable(),
      productName: z.string().nullable(),
      serial: z.string().nullable(),
      message: z.string(),
      phone: z.string().nullable(),
      photoUrl: z.string().nullable(),
      status: z.string(),
      caseId: z.string().nullable(),
      caseNumber: z.number().nullable(),
      toldAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
