ALTER TABLE "task_lights" ADD COLUMN "late_report" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "task_lights" ADD COLUMN "note" text;--> statement-breakpoint
-- Lights stored before these columns existed lack the late-report flag and note: recompute on next read.
UPDATE "task_lights" SET "computed_at" = to_timestamp(0);