CREATE TABLE "assessment_indicator_ranks" (
	"round_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"score" numeric,
	CONSTRAINT "assessment_indicator_ranks_round_id_indicator_id_pk" PRIMARY KEY("round_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_place_ranks" (
	"round_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"kind" "region_level" NOT NULL,
	"rank" integer NOT NULL,
	"score" numeric,
	CONSTRAINT "assessment_place_ranks_round_id_region_id_pk" PRIMARY KEY("round_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_raw_values" (
	"round_id" integer NOT NULL,
	"place" text NOT NULL,
	"topic" text NOT NULL,
	"component" text NOT NULL,
	"value" jsonb,
	CONSTRAINT "assessment_raw_values_round_id_place_topic_component_pk" PRIMARY KEY("round_id","place","topic","component")
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"methodology_key" text,
	"methodology_version" text,
	"field_sizes" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_assessment_settings" (
	"plan_id" integer PRIMARY KEY NOT NULL,
	"consequence_rules" jsonb,
	"bands" jsonb,
	"unit_weights" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_indicator_ranks" ADD CONSTRAINT "assessment_indicator_ranks_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_indicator_ranks" ADD CONSTRAINT "assessment_indicator_ranks_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_place_ranks" ADD CONSTRAINT "assessment_place_ranks_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_place_ranks" ADD CONSTRAINT "assessment_place_ranks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_raw_values" ADD CONSTRAINT "assessment_raw_values_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assessment_settings" ADD CONSTRAINT "plan_assessment_settings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_rounds_plan_title_uq" ON "assessment_rounds" USING btree ("plan_id","title");--> statement-breakpoint
CREATE INDEX "assessment_rounds_plan_idx" ON "assessment_rounds" USING btree ("plan_id");