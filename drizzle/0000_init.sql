CREATE TABLE "epcis_capture_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"state" text NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "epcis_event_ids" (
	"event_pk" bigint NOT NULL,
	"id" text NOT NULL,
	"role" text NOT NULL,
	"is_class" boolean NOT NULL,
	"quantity" numeric,
	"uom" text
);
--> statement-breakpoint
CREATE TABLE "epcis_event_links" (
	"event_pk" bigint NOT NULL,
	"kind" text NOT NULL,
	"type" text,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "epcis_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"is_error_declaration" boolean DEFAULT false NOT NULL,
	"event_type" text NOT NULL,
	"event_time" timestamp with time zone NOT NULL,
	"event_time_zone_offset" text NOT NULL,
	"record_time" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text,
	"biz_step" text,
	"disposition" text,
	"read_point" text,
	"biz_location" text,
	"organisation_id" uuid,
	"capture_id" uuid NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_kind" text,
	"actor_role" text,
	"actor_name" text,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "epcis_event_ids" ADD CONSTRAINT "epcis_event_ids_event_pk_epcis_events_id_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."epcis_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_event_links" ADD CONSTRAINT "epcis_event_links_event_pk_epcis_events_id_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."epcis_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "epcis_event_ids_id_idx" ON "epcis_event_ids" USING btree ("id","role");--> statement-breakpoint
CREATE INDEX "epcis_event_ids_event_idx" ON "epcis_event_ids" USING btree ("event_pk");--> statement-breakpoint
CREATE INDEX "epcis_event_links_value_idx" ON "epcis_event_links" USING btree ("value","kind");--> statement-breakpoint
CREATE INDEX "epcis_event_links_event_idx" ON "epcis_event_links" USING btree ("event_pk");--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_events_event_id_uq" ON "epcis_events" USING btree ("event_id","is_error_declaration");--> statement-breakpoint
CREATE INDEX "epcis_events_event_time_idx" ON "epcis_events" USING btree ("event_time");--> statement-breakpoint
CREATE INDEX "epcis_events_record_time_idx" ON "epcis_events" USING btree ("record_time");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_step_idx" ON "epcis_events" USING btree ("biz_step");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_location_idx" ON "epcis_events" USING btree ("biz_location");--> statement-breakpoint
CREATE INDEX "epcis_events_organisation_idx" ON "epcis_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");