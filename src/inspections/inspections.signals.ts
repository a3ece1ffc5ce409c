import type { DbOrTx } from '../platform/index.ts';
import type { inspectionFindings, inspectionVisits } from './inspections.schema.ts';

/**
 * A finding is a signal to the fraud-case module (issue 12 contract: `raiseSignal` of src/cases, source
 * 'inspection'). Inspections do not import cases: the program hands the case module's `raiseSignal` to
 * `connectCaseSignals` when both are loaded, and a finding raises its signal in the finding's own transaction.
 */
export interface InspectionSignal {
  source: 'inspection';
  subject: { type: 'organisation'; organisationId: string };
  summary: string;
  evidence: Record<string, unknown>;
  dedupeKey: string;
  at?: Date;
}
export type RaiseSignal = (db: DbOrTx, signal: InspectionSignal) => Promise<unknown>;

let raise: RaiseSignal | null = null;

export function connectCaseSignals(raiseSignal: RaiseSignal): void {
  raise = raiseSignal;
}

export function findingSignal(finding: {
  visit: typeof inspectionVisits.$inferSelect;
  finding: typeof inspectionFindings.$inferSelect;
}): InspectionSignal {
  const { visit, finding: f } = finding;
  const day = `${visit.visitedOn.slice(8, 10)}/${visit.visitedOn.slice(5, 7)}/${visit.visitedOn.slice(0, 4)}`;
  return {
    source: 'inspection',
    subject: { type: 'organisation', organisationId: visit.organisationId },
    summary: `Đoàn kiểm tra ngày ${day} ghi nhận vi phạm: ${f.text.slice(0, 200)}`,
    evidence: { visitId: visit.id, findingId: f.id, fixBy: f.fixBy, fileIds: f.fileIds },
    dedupeKey: `inspection:finding:${f.id}`,
    at: f.createdAt,
  };
}

export async function signalFinding(tx: DbOrTx, finding: Parameters<typeof findingSignal>[0]): Promise<void> {
  if (raise) await raise(tx, findingSignal(finding));
}
