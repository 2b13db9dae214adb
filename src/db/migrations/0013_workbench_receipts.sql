CREATE TABLE "task_receipts" (
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" integer,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer,
	CONSTRAINT "task_receipts_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "urges" ADD COLUMN "task_ids" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
ALTER TABLE "urges" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "urges" ADD COLUMN "acknowledged_by" integer;--> statement-breakpoint
ALTER TABLE "task_receipts" ADD CONSTRAINT "task_receipts_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_receipts" ADD CONSTRAINT "task_receipts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_receipts" ADD CONSTRAINT "task_receipts_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_receipts" ADD CONSTRAINT "task_receipts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_receipts_unit_idx" ON "task_receipts" USING btree ("unit_id","acknowledged_at");--> statement-breakpoint
ALTER TABLE "urges" ADD CONSTRAINT "urges_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "urges" SET "acknowledged_at" = "replied_at" WHERE "replied_at" IS NOT NULL;