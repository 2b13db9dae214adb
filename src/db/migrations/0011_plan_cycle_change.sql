ALTER TABLE "plan_supervision" ADD COLUMN "previous_cycle" "reporting_cycle";--> statement-breakpoint
ALTER TABLE "plan_supervision" ADD COLUMN "cycle_from" date;