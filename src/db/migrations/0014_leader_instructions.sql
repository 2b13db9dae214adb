CREATE TYPE "public"."instruction_target" AS ENUM('task', 'report', 'document');--> statement-breakpoint
CREATE TABLE "instruction_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"instruction_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"text" text NOT NULL,
	"answered_by" integer NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"target_kind" "instruction_target" NOT NULL,
	"target_id" integer NOT NULL,
	"task_id" integer,
	"text" text NOT NULL,
	"unit_ids" integer[] NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instruction_answers" ADD CONSTRAINT "instruction_answers_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_answers" ADD CONSTRAINT "instruction_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_answers" ADD CONSTRAINT "instruction_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instruction_answers_unit_uq" ON "instruction_answers" USING btree ("instruction_id","unit_id");--> statement-breakpoint
CREATE INDEX "instructions_plan_idx" ON "instructions" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "instructions_task_idx" ON "instructions" USING btree ("task_id");