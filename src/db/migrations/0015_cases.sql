CREATE TABLE "case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"step" text NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"unit_id" integer,
	"text" text DEFAULT '' NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"event_id" integer,
	"unit_id" integer,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea",
	"storage_path" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"place_region_id" integer,
	"plan_id" integer,
	"source" text NOT NULL,
	"ref_no" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"finding" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"found_on" date NOT NULL,
	"enterprise_name" text,
	"credit_code" text,
	"contact" text,
	"category" text DEFAULT '' NOT NULL,
	"severity" text DEFAULT 'general' NOT NULL,
	"state" text DEFAULT 'registered' NOT NULL,
	"lead_unit_id" integer,
	"co_unit_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"assigned_on" date,
	"due_on" date,
	"original_due_on" date,
	"replied_on" date,
	"finished_on" date,
	"closed_on" date,
	"satisfaction" text,
	"extension_request" jsonb,
	"returns" integer DEFAULT 0 NOT NULL,
	"reopens" integer DEFAULT 0 NOT NULL,
	"task_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"indicator_id" integer,
	"suggestions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_batch" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_case_rules" (
	"plan_id" integer PRIMARY KEY NOT NULL,
	"kind_workdays" jsonb NOT NULL,
	"near_workdays" integer DEFAULT 2 NOT NULL,
	"task_light_rule" text DEFAULT 'downgrade' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_event_id_case_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_place_region_id_regions_id_fk" FOREIGN KEY ("place_region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_case_rules" ADD CONSTRAINT "plan_case_rules_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_files_case_idx" ON "case_files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_region_state_idx" ON "cases" USING btree ("region_id","state");--> statement-breakpoint
CREATE INDEX "cases_lead_unit_idx" ON "cases" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "cases_plan_idx" ON "cases" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_source_ref_uq" ON "cases" USING btree ("region_id","source","ref_no");