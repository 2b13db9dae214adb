CREATE TYPE "public"."channel_kind" AS ENUM('email', 'dingtalk', 'wecom');--> statement-breakpoint
CREATE TYPE "public"."extension_state" AS ENUM('pending_head', 'pending_office', 'approved', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."light" AS ENUM('green', 'yellow', 'red', 'done');--> statement-breakpoint
CREATE TYPE "public"."progress_status" AS ENUM('not_started', 'in_progress', 'done', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."report_role" AS ENUM('responsible', 'lead');--> statement-breakpoint
CREATE TYPE "public"."report_state" AS ENUM('draft', 'submitted', 'returned', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."reporting_cycle" AS ENUM('xun', 'month', 'quarter');--> statement-breakpoint
CREATE TYPE "public"."urge_kind" AS ENUM('reminder', 'order');--> statement-breakpoint
CREATE TABLE "deliveries" (
	"key" text PRIMARY KEY NOT NULL,
	"channel_id" integer,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"state" "extension_state" DEFAULT 'pending_head' NOT NULL,
	"reason" text NOT NULL,
	"progress" text NOT NULL,
	"original_due_on" date NOT NULL,
	"proposed_due_on" date NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"head_confirmed_by" integer,
	"head_confirmed_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"new_due_on" date
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"unit_id" integer,
	"kind" "channel_kind" NOT NULL,
	"target" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_supervision" (
	"plan_id" integer PRIMARY KEY NOT NULL,
	"cycle" "reporting_cycle" DEFAULT 'month' NOT NULL,
	"due_workdays" integer DEFAULT 3 NOT NULL,
	"yellow_within_days" integer DEFAULT 15 NOT NULL,
	"red_after_returns" integer DEFAULT 2 NOT NULL,
	"escalate_after_workdays" integer DEFAULT 3 NOT NULL,
	"order_prefix" text DEFAULT '优化督' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"role" "report_role" NOT NULL,
	"state" "report_state" DEFAULT 'draft' NOT NULL,
	"status" "progress_status" NOT NULL,
	"percent" integer NOT NULL,
	"work_done" text NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"help_needed" text DEFAULT '' NOT NULL,
	"target_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consolidates" integer[] DEFAULT '{}'::int[] NOT NULL,
	"highlight" text,
	"idempotency_key" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" integer,
	"review_comment" text
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_lights" (
	"task_id" integer NOT NULL,
	"period" text NOT NULL,
	"light" "light" NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_lights_task_id_period_pk" PRIMARY KEY("task_id","period")
);
--> statement-breakpoint
CREATE TABLE "task_supervision" (
	"task_id" integer PRIMARY KEY NOT NULL,
	"extended_due_on" date,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"completion_comment" text
);
--> statement-breakpoint
CREATE TABLE "task_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"position" integer NOT NULL,
	"metric" text NOT NULL,
	"comparator" text NOT NULL,
	"value" numeric NOT NULL,
	"value_max" numeric,
	"unit" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_heads" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "urges" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" "urge_kind" NOT NULL,
	"region_id" integer NOT NULL,
	"year" integer,
	"seq" integer,
	"number" text,
	"message" text NOT NULL,
	"reply_by" date,
	"copied_leader" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replied_at" timestamp with time zone,
	"reply" text
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_head_confirmed_by_users_id_fk" FOREIGN KEY ("head_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_supervision" ADD CONSTRAINT "plan_supervision_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_lights" ADD CONSTRAINT "task_lights_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_supervision" ADD CONSTRAINT "task_supervision_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_supervision" ADD CONSTRAINT "task_supervision_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_targets" ADD CONSTRAINT "task_targets_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_heads" ADD CONSTRAINT "unit_heads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_heads" ADD CONSTRAINT "unit_heads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "extension_requests_task_idx" ON "extension_requests" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_version_uq" ON "progress_reports" USING btree ("task_id","unit_id","period","version");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_idem_uq" ON "progress_reports" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "progress_reports_state_idx" ON "progress_reports" USING btree ("state","role");--> statement-breakpoint
CREATE INDEX "progress_reports_task_idx" ON "progress_reports" USING btree ("task_id","period");--> statement-breakpoint
CREATE INDEX "report_attachments_report_idx" ON "report_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "task_lights_period_idx" ON "task_lights" USING btree ("period","light");--> statement-breakpoint
CREATE UNIQUE INDEX "task_targets_task_pos_uq" ON "task_targets" USING btree ("task_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "urges_order_number_uq" ON "urges" USING btree ("region_id","year","seq");--> statement-breakpoint
CREATE INDEX "urges_task_idx" ON "urges" USING btree ("task_id");