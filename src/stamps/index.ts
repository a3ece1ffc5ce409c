import type { FastifyInstance } from 'fastify';
import './stamps.recall.ts';
import './stamps.review.ts';
import './audit-subjects.ts';
import stampRoutes from './stamps.routes.ts';
import suspicionRoutes from './suspicions.routes.ts';

export {
  markReporterTold,
  queue as reportQueue,
  reportsOfCase,
  setCaseReportsStatus,
} from './reports.repo.ts';
export type { ReportInput } from './reports.service.ts';
export { listReports, maxPhotoBytes, reportPhoto, submitReport } from './reports.service.ts';
export type { RaiseReportSignal, ReportSignal } from './reports.signals.ts';
export { connectReportSignals } from './reports.signals.ts';
export { ScanBuffer, scanBufferOf, startScanBuffer, stopScanBuffer } from './scans.buffer.ts';
export { ScanLedger, scanLedgerFor, scansChannel } from './scans.ledger.ts';
export { scanCounts } from './scans.rollup.ts';
export type { ScanCheck } from './scans.service.ts';
export { checkScan, shareScanLocation } from './scans.service.ts';
export type { Coordinates } from './scans.travel.ts';
export { announceResolverChange, resolverChannel } from './stamps.announce.ts';
export { activateStamps, revokeStamps } from './stamps.lifecycle.ts';
export { preparePrintRun } from './stamps.print.ts';
export { execute } from './stamps.repo.ts';
export { configureServerSecrets } from './stamps.secret.ts';
export { getStampRequest, requestStamps } from './stamps.service.ts';
export { stampUri } from './stamps.uri.ts';
export type { StampCheck } from './stamps.verify.ts';
export { verifyStamp } from './stamps.verify.ts';
export { noteUnknownStamp } from './suspicions.service.ts';

export default async function stamps(app: FastifyInstance) {
  await app.register(stampRoutes);
  await app.register(suspicionRoutes);
}
