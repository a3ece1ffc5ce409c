// platform: what every module builds on (config, database, problems, i18n, the auth contract and its route
// gates, the permission registry). It imports no module but db (the tables Drizzle is typed with).
export { actingOrganisation, recordingOrganisation } from './acting-organisation.ts';
export type { Actor, ActorResolver, Role } from './auth.ts';
export { isStaff, registerAuth, requireActor, requireOrganisation, roles } from './auth.ts';
export { runBackupCommand } from './backup.ts';
export type { Config, ScanThresholds } from './config.ts';
export { loadConfig } from './config.ts';
export { type DayCounts, type DayCountsSpec, dayCounts } from './day-counts.ts';
export type { Database, Db, DbOrTx, Tx } from './db.ts';
export { isTransaction, openDatabase, sideBySide, textArrayLiteral } from './db.ts';
export { fieldMessage, routeScope } from './field-messages.ts';
export { allow, personOnly, signedIn } from './gate.ts';
export type { Lang } from './i18n.ts';
export { defineMessages, pickLanguage, t } from './i18n.ts';
export { localToday } from './local-date.ts';
export type { Mail, SendMail } from './mailer.ts';
export { createMailer } from './mailer.ts';
export {
  metricCounter,
  metricGauge,
  metricHistogram,
  metricsRegistry,
  serveClusterMetrics,
} from './metrics.ts';
export { prefersHtml } from './negotiate.ts';
export { registerOperations, requestIdOf } from './operations.ts';
export { runPartitionsCommand } from './partitions.cli.ts';
export { permissionsOf, registerPermissions } from './permissions.ts';
export type { FieldError } from './problem.ts';
export {
  badRequest,
  conflict,
  forbidden,
  fromZodIssue,
  notFound,
  Problem,
  registerProblemHandling,
  renderProblem,
} from './problem.ts';
export { stopReadiness } from './readiness.ts';
export { currentRequestId, withRequestId } from './request-id.ts';
export { registerSecurityHeaders } from './security-headers.ts';
export { officerSectors, sectors, TXNG_NAMESPACE } from './vocabulary.ts';

// the program's types on Fastify (app.db, app.config) come with the door
import './fastify.ts';

export { isRealDateTime, storableDate, storableDateTime } from './date-time.ts';
export { assertStorableText, isUnstorableText, registerHostileTextGuard } from './hostile-text.ts';
export { isUuid } from './ids.ts';
export { readMultipart, registerMultipartGuard } from './multipart.ts';
export type { Sector } from './vocabulary.ts';
