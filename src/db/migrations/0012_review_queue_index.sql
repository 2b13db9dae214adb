CREATE INDEX "progress_reports_pending_idx" ON "progress_reports" USING btree ("submitted_at","id","task_id") WHERE "progress_reports"."state" = 'submitted' and "progress_reports"."role" = 'lead';--> statement-breakpoint
-- Report state and role are correlated (responsible reports stay submitted): without this the planner
-- takes pending lead reports for 20 times what they are and hashes whole tables.
CREATE STATISTICS IF NOT EXISTS "progress_reports_state_role_stats" (dependencies, mcv) ON "state", "role" FROM "progress_reports";
