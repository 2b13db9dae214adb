CREATE TYPE "public"."plan_import_status" AS ENUM('draft', 'committed', 'discarded');--> statement-breakpoint
CREATE TABLE "plan_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"draft" jsonb NOT NULL,
	"status" "plan_import_status" DEFAULT 'draft' NOT NULL,
	"plan_id" integer,
	"target_plan_id" integer
);
--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_target_plan_id_plans_id_fk" FOREIGN KEY ("target_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_imports_region_idx" ON "plan_imports" USING btree ("region_id","status");