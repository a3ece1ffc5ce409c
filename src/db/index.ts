// db: every module's tables, for Drizzle (platform/db.ts) and for tests that look at rows. Production code calls
// the owning module's service, never another module's tables (docs/architecture.md, decision 009).
export * from './schema.ts';
