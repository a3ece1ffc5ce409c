import type { DbOrTx } from '../platform/index.ts';

/**
 * The cases module's front door as agreed for issue 12 (src/cases/index.ts exports `raiseSignal` with this
 * shape). The checks are written against it and take the function as a parameter, so they run and are tested
 * whether or not the cases module is wired in (see `wireCases` in index.ts).
 */
export type CaseSubject =
  | { type: 'organisation'; organisationId: string }
  | { type: 'product'; organisationId: string; productId: string }
  | { type: 'lot'; organisationId: string; lotId: string }
  | { type: 'stamp_range'; organisationId: string; gtin: string; firstSerial: number; lastSerial: number };

export interface Signal {
  source: 'consumer_report' | 'inspection' | 'scan' | `check:${string}`;
  subject: CaseSubject;
  summary: string;
  evidence: Record<string, unknown>;
  dedupeKey: string;
  at?: Date;
}

export type RaiseSignal = (
  db: DbOrTx,
  signal: Signal,
) => Promise<{ caseId: string; signalId: string; created: boolean }>;

/** What a check finds: a signal without its source (the runner names the check). */
export type Finding = Omit<Signal, 'source'>;
