-- The report's running totals over a decade (decision 066): events recorded per day, the lazy roll-up's mark, and
-- each product's first month. Added after the squashed 0000 (not squashed into it) so that a database migrated
-- before keeps migrating; IF NOT EXISTS so that a later squash, whose 0000 creates them too, passes over them.
CREATE TABLE IF NOT EXISTS "epcis_event_days" (
	"day" date PRIMARY KEY NOT NULL,
	"events" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "epcis_gtin_first" (
	"gtin" text PRIMARY KEY NOT NULL,
	"first_month" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "epcis_rollup_marks" (
	"name" text PRIMARY KEY NOT NULL,
	"last_pk" bigint NOT NULL
);
