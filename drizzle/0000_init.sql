CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"organisation_ids" uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"requested_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_devices" (
	"token_hash" text NOT NULL,
	"account_key" text NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_devices_token_hash_account_key_pk" PRIMARY KEY("token_hash","account_key")
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"not_before" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"sector" text,
	"communes" text[] DEFAULT '{}' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
	"after" jsonb,
	"subject_label" text,
	"actor_organisation" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"source" text NOT NULL,
	"summary" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "cases_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_type" text NOT NULL,
	"subject_key" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"product_id" uuid,
	"lot_id" uuid,
	"gtin" text,
	"first_serial" bigint,
	"last_serial" bigint,
	"state" text DEFAULT 'triage' NOT NULL,
	"assignee_id" text,
	"assignee_name" text,
	"outcome" text,
	"outcome_text" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"match" text NOT NULL,
	"value" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "catalogue_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sector" text NOT NULL,
	"kind" text NOT NULL,
	"category" text,
	"title" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"number" text DEFAULT '1' NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"signer" text,
	"file_id" uuid,
	"effective_from" date,
	"effective_to" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"issued_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_organisation_id" uuid NOT NULL,
	"receiver_organisation_id" uuid,
	"receiver_name" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"shipping_event_id" text NOT NULL,
	"receiving_event_id" text,
	"shipped_at" timestamp with time zone NOT NULL,
	"items" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"destinations" jsonb NOT NULL,
	"biz_transactions" jsonb NOT NULL,
	"dispute_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"content_digest" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check" text NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"findings" integer,
	"signals_created" integer,
	"sample" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "dashboard_rollup_marks" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_scan_communes" (
	"month" date NOT NULL,
	"commune_code" text NOT NULL,
	"sector" text NOT NULL,
	"scans" bigint NOT NULL,
	CONSTRAINT "dashboard_scan_communes_month_commune_code_sector_pk" PRIMARY KEY("month","commune_code","sector")
);
--> statement-breakpoint
CREATE TABLE "dashboard_scan_months" (
	"month" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scans" integer NOT NULL,
	CONSTRAINT "dashboard_scan_months_month_organisation_id_pk" PRIMARY KEY("month","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "diary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"season" text NOT NULL,
	"entry_date" date NOT NULL,
	"kind" text NOT NULL,
	"input_name" text,
	"active_ingredient" text,
	"dose" text,
	"withdrawal_days" integer,
	"quantity" numeric,
	"unit" text,
	"lot_gtin" text,
	"lot_number" text,
	"note" text,
	"photo_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"event_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "epcis_event_keys" (
	"event_pk" bigint PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"is_error_declaration" boolean NOT NULL,
	"organisation_id" uuid,
	"record_time" timestamp with time zone NOT NULL
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
	"id" bigserial NOT NULL,
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
	"content_hash" text NOT NULL,
	"document" jsonb NOT NULL,
	CONSTRAINT "epcis_events_id_record_time_pk" PRIMARY KEY("id","record_time")
);
--> statement-breakpoint
CREATE TABLE "epcis_gtin_months" (
	"gtin" text NOT NULL,
	"event_month" date NOT NULL,
	"record_month" date NOT NULL,
	CONSTRAINT "epcis_gtin_months_event_month_record_month_gtin_pk" PRIMARY KEY("event_month","record_month","gtin")
);
--> statement-breakpoint
CREATE TABLE "epcis_gtin_years" (
	"gtin" text NOT NULL,
	"event_year" date NOT NULL,
	"record_year" date NOT NULL,
	CONSTRAINT "epcis_gtin_years_event_year_record_year_gtin_pk" PRIMARY KEY("event_year","record_year","gtin")
);
--> statement-breakpoint
CREATE TABLE "epcis_master_data" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"vocabulary_type" text NOT NULL,
	"element_id" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"children" jsonb NOT NULL,
	"organisation_id" uuid,
	"capture_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "epcis_named_queries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "epcis_rollups" (
	"name" text PRIMARY KEY NOT NULL,
	"filled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "epcis_subscription_sent" (
	"subscription_id" uuid NOT NULL,
	"event_pk" bigint NOT NULL,
	CONSTRAINT "epcis_subscription_sent_subscription_id_event_pk_pk" PRIMARY KEY("subscription_id","event_pk")
);
--> statement-breakpoint
CREATE TABLE "epcis_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"query_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"dest" text NOT NULL,
	"signature_token" text,
	"stream" boolean DEFAULT false NOT NULL,
	"schedule" jsonb,
	"report_if_empty" boolean DEFAULT false NOT NULL,
	"initial_record_time" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"cursor_pk" bigint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_notified_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text,
	"byte_size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"thumbnail" "bytea",
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"items" integer NOT NULL,
	"applied" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"lag_seconds" real,
	"rejections" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_events" (
	"node_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"version" integer NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"payload" jsonb,
	"event_time" timestamp with time zone,
	"goods" text[] DEFAULT '{}' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_events_node_id_event_id_pk" PRIMARY KEY("node_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "hub_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"base_url" text NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_delivery_at" timestamp with time zone,
	CONSTRAINT "hub_nodes_province_code_unique" UNIQUE("province_code"),
	CONSTRAINT "hub_nodes_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "hub_records" (
	"node_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"version" integer NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"withdrawal_reason" text,
	"payload" jsonb,
	"organisation_id" text,
	"name" text,
	"gtin" text,
	"lot" text,
	"tax_code" text,
	"search_text" text DEFAULT '' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_records_node_id_kind_record_id_pk" PRIMARY KEY("node_id","kind","record_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"visit_id" uuid,
	"kind" text NOT NULL,
	"gtin" text,
	"first_serial" bigint,
	"last_serial" bigint,
	"lot_id" uuid,
	"product_id" uuid,
	"withdrawn_from" text,
	"withdrawn_stamp" text,
	"lift_outcome" text,
	"reason" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" text,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"file_ids" uuid[] NOT NULL,
	"fix_by" date,
	"fix_result" text,
	"fix_checked_in" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"sector" text,
	"commune_codes" text[] NOT NULL,
	"scope_note" text,
	"target_source" text NOT NULL,
	"catalogue_version_id" uuid,
	"target_organisation_ids" uuid[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"finding_id" uuid,
	"organisation_id" uuid NOT NULL,
	"decision_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"legal_basis" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"inspector_ids" text[] NOT NULL,
	"checklist" jsonb NOT NULL,
	"internal_note" text,
	"follow_up_of" uuid,
	"plan_id" uuid,
	"case_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kitchen_dish_ingredients" (
	"dish_id" uuid NOT NULL,
	"receipt_id" uuid NOT NULL,
	"quantity" double precision,
	"unit" text,
	CONSTRAINT "kitchen_dish_ingredients_dish_id_receipt_id_pk" PRIMARY KEY("dish_id","receipt_id")
);
--> statement-breakpoint
CREATE TABLE "kitchen_dishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kitchen_id" uuid NOT NULL,
	"served_on" date NOT NULL,
	"meal" text NOT NULL,
	"name" text NOT NULL,
	"portions" integer,
	"event_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"cooked_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kitchen_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kitchen_id" uuid NOT NULL,
	"method" text NOT NULL,
	"code" text NOT NULL,
	"gtin" text NOT NULL,
	"lot" text NOT NULL,
	"stamp" text,
	"quantity" double precision NOT NULL,
	"unit" text NOT NULL,
	"supplier_organisation_id" uuid,
	"supplier_name" text NOT NULL,
	"event_id" text NOT NULL,
	"shipment_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kitchen_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kitchen_id" uuid NOT NULL,
	"dish_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"discard_by" timestamp with time zone NOT NULL,
	"discarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kitchens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"name" text NOT NULL,
	"commune_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "goods_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passport_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"version" integer NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_labels" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"goods_group" text NOT NULL,
	"values" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"formula_key" text,
	"unit" text NOT NULL,
	"direction" text DEFAULT 'at_least' NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_manual_values" (
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"entered_by" text,
	"entered_by_name" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_manual_values_indicator_id_year_pk" PRIMARY KEY("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target" double precision NOT NULL,
	CONSTRAINT "plan_targets_indicator_id_year_pk" PRIMARY KEY("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"code" text,
	"what" text NOT NULL,
	"who" text NOT NULL,
	"partners" text,
	"expected_result" text,
	"deadline" date,
	"state" text DEFAULT 'not_started' NOT NULL,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"signer" text,
	"agency" text,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"budget_vnd" bigint NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"support" text NOT NULL,
	"cost_vnd" bigint NOT NULL,
	"supported_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"commune_code" text,
	"sector" text NOT NULL,
	"answers" jsonb NOT NULL,
	"answered_by" text NOT NULL,
	"answered_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"purpose" text,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"commune_codes" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"organiser" text NOT NULL,
	"place" text NOT NULL,
	"trainers" text[] DEFAULT '{}' NOT NULL,
	"organisation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"people" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participant_count" integer NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoint_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"seq" serial PRIMARY KEY NOT NULL,
	"from_id" bigint NOT NULL,
	"to_id" bigint NOT NULL,
	"records" integer NOT NULL,
	"root" text NOT NULL,
	"head_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"statement" text NOT NULL,
	"signature" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gln" text,
	"internal_code" text NOT NULL,
	"location_ai" text DEFAULT '414' NOT NULL,
	"type" text,
	"growing_area_code" text,
	"commune_code" text,
	"street_address" text,
	"latitude" double precision,
	"longitude" double precision,
	"polygon" jsonb,
	"area_hectares" numeric,
	"review_status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"published_row" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"lot" text NOT NULL,
	"production_date" date,
	"expiry_date" date,
	"quantity" numeric,
	"unit" text,
	"location_id" uuid,
	"input_lot_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"review_status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"published_row" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"file_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"tax_code" text,
	"type" text NOT NULL,
	"sector" text NOT NULL,
	"commune_code" text,
	"street_address" text,
	"representative" text,
	"phone" text,
	"email" text,
	"gs1_company_prefixes" text[] DEFAULT '{}' NOT NULL,
	"glns" text[] DEFAULT '{}' NOT NULL,
	"review_status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"published_row" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"images" text[] DEFAULT '{}' NOT NULL,
	"brand" text,
	"model_code" text,
	"product_group" text,
	"sector" text,
	"unit" text,
	"net_quantity" numeric,
	"net_quantity_unit" text,
	"shelf_life_days" integer,
	"applied_standards" text[] DEFAULT '{}' NOT NULL,
	"conformity_declaration" text,
	"risk_tier" text,
	"ocop_stars" integer,
	"ocop_decision" text,
	"ocop_decision_date" date,
	"ocop_valid_until" date,
	"geographical_indication" text,
	"certification_mark" text,
	"review_status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"published_row" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "traceability_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" text,
	"standards" text[] DEFAULT '{}' NOT NULL,
	"conformity" text DEFAULT 'declared' NOT NULL,
	"connected_to_province" boolean DEFAULT false NOT NULL,
	"connected_to_national" boolean DEFAULT false NOT NULL,
	"kind" text DEFAULT 'software' NOT NULL,
	"principles" text[] DEFAULT '{}' NOT NULL,
	"data_items" text[] DEFAULT '{}' NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"connection" text DEFAULT 'none' NOT NULL,
	"in_use_since" date,
	"declared_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"plan_id" uuid,
	"title" text NOT NULL,
	"number" text,
	"recipients" text[] NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"notes" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" text,
	"issued_by_name" text,
	"snapshot" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"pre_checks" jsonb,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"organisation_id" uuid,
	"sector" text,
	"commune_code" text,
	"title" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"submit_note" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "sensor_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"excursion_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sector" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	"mailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sensor_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"lot_id" uuid,
	"location_id" uuid,
	"shipment_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text
);
--> statement-breakpoint
CREATE TABLE "sensor_excursions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"threshold_id" uuid NOT NULL,
	"series" text NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"min" double precision,
	"max" double precision,
	"duration_seconds" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_out_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"worst_value" double precision NOT NULL,
	"worst_at" timestamp with time zone NOT NULL,
	"device_id" uuid,
	"lot_id" uuid,
	"product_id" uuid,
	"location_id" uuid,
	"shipment_id" uuid,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensor_readings" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sensor_readings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"device_id" uuid,
	"event_id" text,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"lot_id" uuid,
	"location_id" uuid,
	"shipment_id" uuid,
	CONSTRAINT "sensor_readings_id_at_pk" PRIMARY KEY("id","at")
);
--> statement-breakpoint
CREATE TABLE "sensor_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"target" text NOT NULL,
	"product_id" uuid,
	"location_id" uuid,
	"shipment_id" uuid,
	"kind" text NOT NULL,
	"min" double precision,
	"max" double precision,
	"duration_seconds" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumer_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uri" text NOT NULL,
	"gtin" text,
	"serial" text,
	"message" text NOT NULL,
	"phone" text,
	"photo" "bytea",
	"photo_type" text,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"case_id" uuid,
	"told_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stamp_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"range_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"first_serial" bigint NOT NULL,
	"last_serial" bigint NOT NULL,
	"action" text NOT NULL,
	"lot" text,
	"reason" text,
	"actor_id" text NOT NULL,
	"actor_name" text,
	"event_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_ranges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"kind" text NOT NULL,
	"first_serial" bigint NOT NULL,
	"last_serial" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"quantity" integer NOT NULL,
	"approved_quantity" integer,
	"kind" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"note" text,
	"reason" text,
	"requested_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_rollup_marks" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_scan_days" (
	"day" date PRIMARY KEY NOT NULL,
	"scans" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_scans" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "stamp_scans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"gtin" text NOT NULL,
	"serial" bigint NOT NULL,
	"network" text NOT NULL,
	"latitude" text,
	"longitude" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stamp_scans_id_at_pk" PRIMARY KEY("id","at")
);
--> statement-breakpoint
CREATE TABLE "stamp_secrets" (
	"gtin" text NOT NULL,
	"serial" bigint NOT NULL,
	"hash" text NOT NULL,
	"printed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stamp_secrets_gtin_serial_pk" PRIMARY KEY("gtin","serial")
);
--> statement-breakpoint
CREATE TABLE "stamp_serial_counters" (
	"gtin" text PRIMARY KEY NOT NULL,
	"next_serial" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_suspicions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"gtin" text NOT NULL,
	"serial" bigint,
	"kind" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"evidence" jsonb NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"receiver" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"organisation_id" uuid,
	"label" text NOT NULL,
	"item" jsonb NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"claim" uuid,
	"reasons" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_records" (
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"version" integer NOT NULL,
	"payload" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_records_kind_record_id_pk" PRIMARY KEY("kind","record_id")
);
--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_version_id_catalogue_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalogue_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_list_id_catalogue_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."catalogue_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_event_ids" ADD CONSTRAINT "epcis_event_ids_event_pk_epcis_event_keys_event_pk_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."epcis_event_keys"("event_pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_event_links" ADD CONSTRAINT "epcis_event_links_event_pk_epcis_event_keys_event_pk_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."epcis_event_keys"("event_pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_subscription_sent" ADD CONSTRAINT "epcis_subscription_sent_subscription_id_epcis_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."epcis_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_subscriptions" ADD CONSTRAINT "epcis_subscriptions_query_id_epcis_named_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."epcis_named_queries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_deliveries" ADD CONSTRAINT "hub_deliveries_node_id_hub_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."hub_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_events" ADD CONSTRAINT "hub_events_node_id_hub_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."hub_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_records" ADD CONSTRAINT "hub_records_node_id_hub_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."hub_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_dish_ingredients" ADD CONSTRAINT "kitchen_dish_ingredients_dish_id_kitchen_dishes_id_fk" FOREIGN KEY ("dish_id") REFERENCES "public"."kitchen_dishes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_dish_ingredients" ADD CONSTRAINT "kitchen_dish_ingredients_receipt_id_kitchen_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."kitchen_receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_dishes" ADD CONSTRAINT "kitchen_dishes_kitchen_id_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_receipts" ADD CONSTRAINT "kitchen_receipts_kitchen_id_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_samples" ADD CONSTRAINT "kitchen_samples_kitchen_id_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_samples" ADD CONSTRAINT "kitchen_samples_dish_id_kitchen_dishes_id_fk" FOREIGN KEY ("dish_id") REFERENCES "public"."kitchen_dishes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_labels" ADD CONSTRAINT "product_labels_goods_group_goods_groups_code_fk" FOREIGN KEY ("goods_group") REFERENCES "public"."goods_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_manual_values" ADD CONSTRAINT "plan_manual_values_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_recipients" ADD CONSTRAINT "support_recipients_programme_id_support_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."support_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_certificates" ADD CONSTRAINT "organisation_certificates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traceability_systems" ADD CONSTRAINT "traceability_systems_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_item_id_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_alerts" ADD CONSTRAINT "sensor_alerts_excursion_id_sensor_excursions_id_fk" FOREIGN KEY ("excursion_id") REFERENCES "public"."sensor_excursions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_excursions" ADD CONSTRAINT "sensor_excursions_threshold_id_sensor_thresholds_id_fk" FOREIGN KEY ("threshold_id") REFERENCES "public"."sensor_thresholds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamp_changes" ADD CONSTRAINT "stamp_changes_range_id_stamp_ranges_id_fk" FOREIGN KEY ("range_id") REFERENCES "public"."stamp_ranges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamp_ranges" ADD CONSTRAINT "stamp_ranges_request_id_stamp_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."stamp_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_uq" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_uq" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_uq" ON "password_reset_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_uq" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_devices_last_seen_idx" ON "sign_in_devices" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "sign_in_throttle_last_attempt_idx" ON "sign_in_throttle" USING btree ("last_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_organisation_idx" ON "audit_log" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_signals_dedupe_idx" ON "case_signals" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "case_signals_case_idx" ON "case_signals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_steps_case_idx" ON "case_steps" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_subject_idx" ON "cases" USING btree ("subject_key","state");--> statement-breakpoint
CREATE INDEX "cases_org_idx" ON "cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "cases_state_idx" ON "cases" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "catalogue_items_version_idx" ON "catalogue_items" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "catalogue_lists_sector_idx" ON "catalogue_lists" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "catalogue_versions_list_idx" ON "catalogue_versions" USING btree ("list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_versions_number_uq" ON "catalogue_versions" USING btree ("list_id","number");--> statement-breakpoint
CREATE INDEX "catalogue_versions_approved_idx" ON "catalogue_versions" USING btree ("list_id","effective_from") WHERE state = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_shipping_event_uq" ON "shipments" USING btree ("shipping_event_id");--> statement-breakpoint
CREATE INDEX "shipments_receiver_idx" ON "shipments" USING btree ("receiver_organisation_id","state","shipped_at");--> statement-breakpoint
CREATE INDEX "shipments_sender_idx" ON "shipments" USING btree ("sender_organisation_id","shipped_at");--> statement-breakpoint
CREATE INDEX "check_runs_check_idx" ON "check_runs" USING btree ("check","started_at");--> statement-breakpoint
CREATE INDEX "dashboard_scan_months_org_idx" ON "dashboard_scan_months" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "diary_entries_location_season_idx" ON "diary_entries" USING btree ("location_id","season","entry_date");--> statement-breakpoint
CREATE INDEX "diary_entries_organisation_idx" ON "diary_entries" USING btree ("organisation_id","entry_date");--> statement-breakpoint
CREATE INDEX "epcis_capture_jobs_state_idx" ON "epcis_capture_jobs" USING btree ("state");--> statement-breakpoint
CREATE INDEX "epcis_event_ids_id_idx" ON "epcis_event_ids" USING btree ("id","role");--> statement-breakpoint
CREATE INDEX "epcis_event_ids_event_idx" ON "epcis_event_ids" USING btree ("event_pk");--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_event_keys_event_id_uq" ON "epcis_event_keys" USING btree ("event_id") WHERE NOT "epcis_event_keys"."is_error_declaration";--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_event_keys_declaration_uq" ON "epcis_event_keys" USING btree ("event_id",COALESCE("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "epcis_event_keys"."is_error_declaration";--> statement-breakpoint
CREATE INDEX "epcis_event_links_value_idx" ON "epcis_event_links" USING btree ("value","kind");--> statement-breakpoint
CREATE INDEX "epcis_event_links_event_idx" ON "epcis_event_links" USING btree ("event_pk");--> statement-breakpoint
CREATE INDEX "epcis_events_event_id_idx" ON "epcis_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "epcis_events_event_time_idx" ON "epcis_events" USING btree ("event_time");--> statement-breakpoint
CREATE INDEX "epcis_events_record_time_idx" ON "epcis_events" USING btree ("record_time");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_step_idx" ON "epcis_events" USING btree ("biz_step");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_location_idx" ON "epcis_events" USING btree ("biz_location");--> statement-breakpoint
CREATE INDEX "epcis_events_organisation_idx" ON "epcis_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "epcis_gtin_months_record_idx" ON "epcis_gtin_months" USING btree ("record_month","event_month","gtin");--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_master_data_uq" ON "epcis_master_data" USING btree ("vocabulary_type","element_id",COALESCE("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "epcis_master_data_element_idx" ON "epcis_master_data" USING btree ("element_id");--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_named_queries_name_uq" ON "epcis_named_queries" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "epcis_subscriptions_query_idx" ON "epcis_subscriptions" USING btree ("query_id");--> statement-breakpoint
CREATE INDEX "epcis_subscriptions_due_idx" ON "epcis_subscriptions" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "files_organisation_idx" ON "files" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "hub_deliveries_node_idx" ON "hub_deliveries" USING btree ("node_id","received_at");--> statement-breakpoint
CREATE INDEX "hub_events_goods_idx" ON "hub_events" USING gin ("goods");--> statement-breakpoint
CREATE INDEX "hub_records_gtin_idx" ON "hub_records" USING btree ("gtin","kind");--> statement-breakpoint
CREATE INDEX "hub_records_kind_idx" ON "hub_records" USING btree ("kind","withdrawn");--> statement-breakpoint
CREATE INDEX "inspection_actions_org_idx" ON "inspection_actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "inspection_actions_stamp_idx" ON "inspection_actions" USING btree ("gtin","first_serial");--> statement-breakpoint
CREATE INDEX "inspection_findings_visit_idx" ON "inspection_findings" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "inspection_sanctions_visit_idx" ON "inspection_sanctions" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "inspection_visits_org_idx" ON "inspection_visits" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "inspection_visits_plan_idx" ON "inspection_visits" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "kitchen_dishes_day_idx" ON "kitchen_dishes" USING btree ("kitchen_id","served_on");--> statement-breakpoint
CREATE INDEX "kitchen_receipts_kitchen_idx" ON "kitchen_receipts" USING btree ("kitchen_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kitchen_receipts_stamp_uq" ON "kitchen_receipts" USING btree ("kitchen_id","stamp");--> statement-breakpoint
CREATE UNIQUE INDEX "kitchen_samples_dish_uq" ON "kitchen_samples" USING btree ("dish_id");--> statement-breakpoint
CREATE INDEX "kitchen_samples_kitchen_idx" ON "kitchen_samples" USING btree ("kitchen_id","discard_by");--> statement-breakpoint
CREATE UNIQUE INDEX "kitchens_location_uq" ON "kitchens" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "kitchens_organisation_idx" ON "kitchens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "news_articles_published_idx" ON "news_articles" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "passport_versions_product_version_uq" ON "passport_versions" USING btree ("product_id","version");--> statement-breakpoint
CREATE INDEX "passport_versions_gtin_idx" ON "passport_versions" USING btree ("gtin","version");--> statement-breakpoint
CREATE INDEX "product_labels_organisation_idx" ON "product_labels" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "plan_indicators_plan_idx" ON "plan_indicators" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_code_uq" ON "plan_indicators" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_current_uq" ON "plans" USING btree ("is_current") WHERE is_current;--> statement-breakpoint
CREATE UNIQUE INDEX "support_recipients_uq" ON "support_recipients" USING btree ("programme_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_org_uq" ON "survey_responses" USING btree ("survey_id","organisation_id");--> statement-breakpoint
CREATE INDEX "survey_responses_commune_idx" ON "survey_responses" USING btree ("survey_id","commune_code");--> statement-breakpoint
CREATE INDEX "surveys_state_idx" ON "surveys" USING btree ("state");--> statement-breakpoint
CREATE INDEX "training_courses_starts_idx" ON "training_courses" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_gln_uq" ON "locations" USING btree ("gln");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_internal_code_uq" ON "locations" USING btree ("internal_code");--> statement-breakpoint
CREATE INDEX "locations_org_idx" ON "locations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "locations_commune_idx" ON "locations" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_key_uq" ON "lots" USING btree ("gtin","lot");--> statement-breakpoint
CREATE INDEX "lots_org_idx" ON "lots" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "lots_product_idx" ON "lots" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "organisation_certificates_org_idx" ON "organisation_certificates" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_tax_code_uq" ON "organisations" USING btree ("tax_code");--> statement-breakpoint
CREATE INDEX "organisations_sector_idx" ON "organisations" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "organisations_commune_idx" ON "organisations" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "products_gtin_uq" ON "products" USING btree ("gtin");--> statement-breakpoint
CREATE INDEX "products_org_idx" ON "products" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "products_sector_idx" ON "products" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "traceability_systems_org_idx" ON "traceability_systems" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "reports_period_idx" ON "reports" USING btree ("period_to");--> statement-breakpoint
CREATE INDEX "review_decisions_item_idx" ON "review_decisions" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_one_pending_uq" ON "review_items" USING btree ("entity_type","entity_id") WHERE "review_items"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "review_items_queue_idx" ON "review_items" USING btree ("status","entity_type","submitted_at");--> statement-breakpoint
CREATE INDEX "review_items_entity_idx" ON "review_items" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "review_items_organisation_idx" ON "review_items" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_alerts_uq" ON "sensor_alerts" USING btree ("excursion_id","audience");--> statement-breakpoint
CREATE INDEX "sensor_alerts_org_idx" ON "sensor_alerts" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "sensor_alerts_sector_idx" ON "sensor_alerts" USING btree ("sector","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_devices_key_hash_uq" ON "sensor_devices" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "sensor_devices_org_idx" ON "sensor_devices" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_excursions_running_uq" ON "sensor_excursions" USING btree ("threshold_id","series") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "sensor_excursions_org_idx" ON "sensor_excursions" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE INDEX "sensor_excursions_lot_idx" ON "sensor_excursions" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "sensor_readings_lot_idx" ON "sensor_readings" USING btree ("lot_id","at") WHERE lot_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sensor_readings_device_idx" ON "sensor_readings" USING btree ("device_id","at") WHERE device_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sensor_readings_location_idx" ON "sensor_readings" USING btree ("location_id","at") WHERE location_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sensor_thresholds_org_idx" ON "sensor_thresholds" USING btree ("organisation_id","kind");--> statement-breakpoint
CREATE INDEX "consumer_reports_created_idx" ON "consumer_reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "consumer_reports_case_idx" ON "consumer_reports" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "stamp_changes_gtin_idx" ON "stamp_changes" USING btree ("gtin","first_serial");--> statement-breakpoint
CREATE INDEX "stamp_changes_range_idx" ON "stamp_changes" USING btree ("range_id");--> statement-breakpoint
CREATE INDEX "stamp_ranges_gtin_idx" ON "stamp_ranges" USING btree ("gtin","first_serial");--> statement-breakpoint
CREATE INDEX "stamp_ranges_org_idx" ON "stamp_ranges" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "stamp_requests_org_idx" ON "stamp_requests" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "stamp_scans_stamp_idx" ON "stamp_scans" USING btree ("gtin","serial","at");--> statement-breakpoint
CREATE INDEX "stamp_scans_network_idx" ON "stamp_scans" USING btree ("network","at");--> statement-breakpoint
CREATE INDEX "stamp_scans_at_brin" ON "stamp_scans" USING brin ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "stamp_suspicions_open_idx" ON "stamp_suspicions" USING btree ("gtin",coalesce("serial", 0),"kind") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "stamp_suspicions_org_idx" ON "stamp_suspicions" USING btree ("organisation_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "stamp_suspicions_seen_idx" ON "stamp_suspicions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_outbox_receiver_key_uq" ON "sync_outbox" USING btree ("receiver","key");--> statement-breakpoint
CREATE INDEX "sync_outbox_due_idx" ON "sync_outbox" USING btree ("receiver","next_attempt_at","id") WHERE "sync_outbox"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "sync_outbox_leased_idx" ON "sync_outbox" USING btree ("receiver","lease_until") WHERE "sync_outbox"."state" = 'sent';--> statement-breakpoint
CREATE INDEX "sync_outbox_state_idx" ON "sync_outbox" USING btree ("state","receiver","created_at");--> statement-breakpoint
CREATE INDEX "sync_outbox_record_idx" ON "sync_outbox" USING btree ("receiver","kind","record_id") WHERE "sync_outbox"."kind" <> 'event';