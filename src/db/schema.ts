// Every module's tables, gathered for Drizzle (typed queries) and drizzle-kit (migrations).
// A module owns its tables: others call its service, never its tables.

export * from '../accounts/accounts.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../cases/cases.schema.ts';
export * from '../catalogues/catalogues.schema.ts';
export * from '../chain/chain.schema.ts';
export * from '../checks/checks.schema.ts';
export * from '../dashboard/dashboard.schema.ts';
export * from '../diary/diary.schema.ts';
export * from '../epcis/epcis.schema.ts';
export * from '../files/files.schema.ts';
export * from '../hub/hub.schema.ts';
export * from '../inspections/inspections.schema.ts';
export * from '../kitchens/kitchens.schema.ts';
export * from '../news/news.schema.ts';
export * from '../passport/passport.schema.ts';
export * from '../plan/plan.schema.ts';
export * from '../programmes/programmes.schema.ts';
export * from '../proofs/proofs.schema.ts';
export * from '../registry/registry.schema.ts';
export * from '../reports/reports.schema.ts';
export * from '../review/review.schema.ts';
export * from '../sensors/sensors.schema.ts';
export * from '../stamps/stamps.schema.ts';
export * from '../sync/sync.schema.ts';
